// The zone picker, enhanced: on a first visit, show times in the device's zone.
// The server renders whatever the planner_tz cookie names, so writing it and reloading once
// is all it takes; the picker itself stays a plain GET form that works without this file.
(function () {
  "use strict";
  var form = document.querySelector("form.zone-picker");
  // Only when the reader has chosen nothing yet: neither ?tz= (even a mistyped one) nor an earlier choice.
  if (!form || form.dataset.zoneSource !== "meeting" || /[?&]tz=/.test(location.search)) return;
  var device;
  try {
    device = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  var offered = Array.prototype.some.call(form.elements.tz.options, function (option) {
    return option.value === device;
  });
  if (!device || !offered) return;
  document.cookie = "planner_tz=" + device + "; path=/; max-age=31536000; samesite=lax";
  if (device === form.dataset.shownZone) return;
  // Reload at most once, and only if the cookie stuck: no loop when cookies are refused.
  var flag = "planner-tz-adopted";
  try {
    if (sessionStorage.getItem(flag)) return;
    sessionStorage.setItem(flag, device);
  } catch (error) {
    return;
  }
  if (document.cookie.indexOf("planner_tz=" + device) !== -1) location.reload();
})();
