// The check-in desk: scanning a badge's QR code with the phone's camera. The code is the badge's address
// (planner/web/organise/badges.py); once read, the page goes there, and the server decides whether it opens
// the desk at someone (it is this meeting's and current) or says it does not. Where the browser has no
// BarcodeDetector, jsQR (static/vendor) reads the camera's frames. Without a camera or JavaScript, a
// handheld scanner typing the address into the search box does the same through the plain form.
(function () {
  "use strict";

  let stream = null;

  function say(message) {
    const box = document.getElementById("door-message");
    box.textContent = message;
    box.hidden = !message;
  }

  async function detector() {
    if ("BarcodeDetector" in window) {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      if (formats.includes("qr_code")) {
        const native = new window.BarcodeDetector({ formats: ["qr_code"] });
        return async (video) => (await native.detect(video)).map((found) => found.rawValue)[0] || null;
      }
    }
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    return async (video) => {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      if (!canvas.width) return null;
      context.drawImage(video, 0, 0);
      const found = window.jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data,
                                canvas.width, canvas.height, { inversionAttempts: "dontInvert" });
      return found ? found.data : null;
    };
  }

  // Only an address of this site under this meeting's badge path is followed: a QR code of anything
  // else (a poster, another site) is not a badge.
  function badgeAddress(text, badgePath) {
    try {
      const address = new URL(text, window.location.href);
      return address.origin === window.location.origin && address.pathname.startsWith(badgePath) ? address : null;
    } catch (error) {
      return null;
    }
  }

  function stop() {
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    document.getElementById("door-camera").hidden = true;
    document.getElementById("door-scan-stop").hidden = true;
    document.getElementById("door-scan-start").hidden = false;
  }

  async function start(panel) {
    const video = document.getElementById("door-camera");
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (error) {
      say(panel.dataset.cameraFailed.replace("%(reason)s", error.message));
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    document.getElementById("door-scan-start").hidden = true;
    document.getElementById("door-scan-stop").hidden = false;
    await video.play();
    say(panel.dataset.scanning);
    const read = await detector();
    const look = async () => {
      if (!stream) return;
      const text = await read(video).catch(() => null);
      const address = text && badgeAddress(text, panel.dataset.badgePath);
      if (address) {
        stop();
        window.location.assign(address.href);
        return;
      }
      if (text) say(panel.dataset.unreadable);
      window.requestAnimationFrame(look);
    };
    window.requestAnimationFrame(look);
  }

  function attach() {
    const panel = document.querySelector(".door-scan");
    const camera = navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
    if (!panel || !camera || !("BarcodeDetector" in window || "jsQR" in window)) return;
    panel.hidden = false;
    document.getElementById("door-scan-start").addEventListener("click", () => start(panel));
    document.getElementById("door-scan-stop").addEventListener("click", () => { stop(); say(""); });
  }

  document.addEventListener("DOMContentLoaded", attach);
})();
