"""Make the demo meetings' documents (planner/demo/files/): one-page concept and information notes as PDF, in
English and, for the Seoul meeting, Korean.

They are shipped made, so a fresh install needs neither this script nor its font; run it again after changing a
text here: `.venv/bin/python scripts/make_demo_documents.py` (fpdf2, pinned in requirements-dev.txt, and the Noto
CJK fonts: `apt-get install fonts-noto-cjk`). fpdf2 embeds only the characters used, so each file stays small.
"""
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

FILES = Path(__file__).resolve().parent.parent / "planner" / "demo" / "files"
FONTS = Path("/usr/share/fonts/opentype/noto")
KOREAN_IN_COLLECTION = 1  # NotoSansCJK-*.ttc holds JP, KR, SC, TC and HK faces, in that order

EGM = "Expert Group Meeting on Border Security and Management"
EGM_KO = "국경 안보 및 관리에 관한 전문가 그룹 회의"
CTED = "Follow-up assessment visit by the Counter-Terrorism Committee Executive Directorate"

DOCUMENTS = {
    "egm-concept-note-en.pdf": ("Concept note", EGM, "Seoul and online, 15 and 18-22 October 2021", [
        ("Background", "Effective border security and management is central to preventing the movement of "
                       "terrorists and the trafficking of arms, goods and people. Security Council resolution "
                       "2396 (2017) calls on States to strengthen their border controls and to share information."),
        ("Objectives", "The meeting brings together national institutions of the Republic of Korea and "
                       "international organisations to share practice on advance passenger information, "
                       "biometrics, watch lists and the coordination of agencies at airports and sea ports."),
        ("Format", "An opening session in hybrid format on 15 October, followed by expert discussions "
                   "from 18 to 22 October. Sessions are held in English with interpretation into Korean."),
    ]),
    "egm-concept-note-ko.pdf": ("개념 노트", EGM_KO, "서울 및 온라인, 2021년 10월 15일, 18-22일", [
        ("배경", "효과적인 국경 안보와 관리는 테러리스트의 이동과 무기, 물품 및 사람의 불법 거래를 방지하는 데 "
                 "핵심적입니다. 안전보장이사회 결의 2396(2017)은 각국이 국경 통제를 강화하고 정보를 공유할 것을 "
                 "촉구합니다."),
        ("목적", "이번 회의는 대한민국의 국가 기관과 국제기구가 모여 사전 승객 정보, 생체 인식, 감시 목록 및 "
                 "공항과 항만에서의 기관 간 협력에 관한 경험을 공유합니다."),
        ("형식", "10월 15일 하이브리드 형식의 개회식에 이어 10월 18일부터 22일까지 전문가 토론이 진행됩니다. "
                 "회의는 영어로 진행되며 한국어 통역이 제공됩니다."),
    ]),
    "egm-information-note-en.pdf": ("Information note for participants", EGM, "Seoul, Republic of Korea", [
        ("Venue", "The opening session takes place in the conference hall of the Ministry of Foreign Affairs; "
                  "the expert discussions in the meeting rooms announced in the programme."),
        ("Arrival and visas", "Participants who need a visa should apply at least four weeks before the "
                              "meeting. The secretariat sends a letter of invitation on request."),
        ("Online participation", "Online participants receive their join link through their personal page. "
                                 "Please connect ten minutes before each session to test sound and video."),
        ("Contact", "The meeting's secretariat answers questions by email at the address in the invitation."),
    ]),
    "egm-information-note-ko.pdf": ("참가자 안내문", EGM_KO, "대한민국 서울", [
        ("장소", "개회식은 외교부 회의실에서 열리며, 전문가 토론은 프로그램에 안내된 회의실에서 진행됩니다."),
        ("입국 및 비자", "비자가 필요한 참가자는 회의 4주 전까지 신청하시기 바랍니다. 요청 시 사무국이 "
                        "초청장을 보내드립니다."),
        ("온라인 참가", "온라인 참가자는 개인 페이지에서 접속 링크를 받습니다. 각 세션 시작 10분 전에 접속하여 "
                       "음향과 영상을 확인해 주십시오."),
        ("문의", "회의 사무국은 초청장에 기재된 이메일 주소로 문의에 답변합니다."),
    ]),
    "cted-concept-note-en.pdf": ("Concept note", CTED, "22-25 May 2023", [
        ("Purpose", "The visit follows up on the recommendations of the Committee's previous assessment and "
                    "looks at progress in legislation, criminal justice, countering the financing of "
                    "terrorism, border management and the use of information and communications technologies."),
        ("Delegation", "Experts of CTED, ICAO, IMO and UNODC take part, with high-level bilateral meetings "
                       "and a roundtable with the private sector and civil society."),
    ]),
    "cted-information-note-en.pdf": ("Information note for the delegation", CTED, "22-25 May 2023", [
        ("Programme", "Meetings start at 9:30 each day; transport between venues is arranged by the host "
                      "country. The programme may change at short notice: check the agenda online."),
        ("Security", "Delegation members carry their United Nations identification at all times."),
    ]),
}


def page(title: str, meeting: str, where: str, sections: list[tuple[str, str]], *, korean: bool) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_margins(22, 22, 22)
    pdf.set_auto_page_break(True, margin=22)
    if korean:
        pdf.add_font("Body", "", FONTS / "NotoSansCJK-Regular.ttc", collection_font_number=KOREAN_IN_COLLECTION)
        pdf.add_font("Body", "B", FONTS / "NotoSansCJK-Bold.ttc", collection_font_number=KOREAN_IN_COLLECTION)
        family = "Body"
    else:
        family = "Helvetica"
    pdf.set_title(f"{title} - {meeting}")
    pdf.set_creator("Planner demo data")
    pdf.add_page()
    pdf.set_font(family, "B", 9)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(0, 5, meeting, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, where, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(family, "B", 20)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    for heading, text in sections:
        pdf.ln(5)
        pdf.set_font(family, "B", 12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 10.5)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    # A fixed creation date: making the files again gives the same bytes unless a text changed.
    pdf.set_creation_date(datetime(2021, 9, 1, tzinfo=timezone.utc))
    return bytes(pdf.output())


def main() -> None:
    FILES.mkdir(parents=True, exist_ok=True)
    for name, (title, meeting, where, sections) in DOCUMENTS.items():
        (FILES / name).write_bytes(page(title, meeting, where, sections, korean=name.endswith("-ko.pdf")))
        print(f"{name}: {(FILES / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
