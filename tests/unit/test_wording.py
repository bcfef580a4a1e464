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
