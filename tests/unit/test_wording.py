"""Messages of the domain: English as plain text, and all a translator needs to write them again."""
import copy
import pickle

from planner.domain.wording import Message, _, english, ngettext


def test_a_message_is_its_english_text():
    message = _("%(what)s is required.", what=_("A title"))
    assert message == "A title is required."
    assert isinstance(message, str)
    assert f"Refused: {message}" == "Refused: A title is required."
    assert (message.msgid, message.params["what"].msgid) == ("%(what)s is required.", "A title")


def test_a_message_without_placeholders_is_not_formatted():
    assert _("Seats are full (100%)") == "Seats are full (100%)"


def test_a_plural_message_takes_the_english_form_of_its_count():
    assert ngettext("%(num)d session", "%(num)d sessions", 1) == "1 session"
    later = ngettext("%(what)s is too long (at most %(num)d character).",
                     "%(what)s is too long (at most %(num)d characters).", 300, what=_("The venue"))
    assert later == "The venue is too long (at most 300 characters)."
    assert (later.plural, later.num) == ("%(what)s is too long (at most %(num)d characters).", 300)


def test_copies_and_pickles_keep_the_message():
    message = _("%(what)s is required.", what=_("A name"))
    for kept in (copy.copy(message), copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert isinstance(kept, Message) and kept == message and kept.params["what"].msgid == "A name"


def test_outside_the_web_layer_a_page_would_print_english():
    message = _("Give a <full> address for %(name)s.", name="Ann & Bo")
    assert message.__html__() == "Give a &lt;full&gt; address for Ann &amp; Bo."
    assert type(english(message)) is str


def test_a_message_kept_as_json_reads_back_whole_with_its_values():
    import json
    from datetime import date, datetime

    from planner.domain.wording import FileSize, LanguageName, Listing, Moment, pgettext

    message = ngettext(
        "Deleted %(num)d thing: %(things)s (%(size)s, %(language)s, %(role)s, %(when)s)",
        "Deleted %(num)d things: %(things)s (%(size)s, %(language)s, %(role)s, %(when)s)", 2,
        things=Listing([_("“%(name)s”", name="Hall A"), "Annex"], "; "), size=FileSize("3.4 MB", 3_565_158),
        language=LanguageName("French", "fr"), role=pgettext("role in a sentence", "chair"),
        when=Moment("Mon 18 Oct 09:00", "span", datetime(2021, 10, 18, 9), None))
    kept = Message.from_data(json.loads(json.dumps(message.as_data())))
    assert kept == message == "Deleted 2 things: “Hall A”; Annex (3.4 MB, French, chair, Mon 18 Oct 09:00)"
    assert kept.as_data() == message.as_data()
    things, size, language, role, when = (kept.params[name] for name in ("things", "size", "language", "role", "when"))
    assert (things.separator, things.items[0].msgid, things.items[1]) == ("; ", "“%(name)s”", "Annex")
    assert (size.size, language.code, role.context, when.form, when.values) == (
        3_565_158, "fr", "role in a sentence", "span", (datetime(2021, 10, 18, 9), None))
    day = Message.from_data(_("On %(day)s", day=Moment("18 Oct", "day_month", date(2021, 10, 18))).as_data())
    assert day.params["day"].values == (date(2021, 10, 18),)
