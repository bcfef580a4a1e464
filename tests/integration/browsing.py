"""Reading pages and filling in their forms the way a browser does, so tests submit what a person would."""
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)

    def values(self) -> dict[str, str]:
        return dict(self.fields)


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: tuple[str, list[tuple[str, bool]]] | None = None
        self._option: tuple[str | None, bool, list[str]] | None = None
        self._textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append(Form(attributes.get("action") or "", (attributes.get("method") or "get").lower()))
        elif not self.forms:
            return
        elif tag == "input" and attributes.get("name"):
            kind = (attributes.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    self.forms[-1].fields.append((attributes["name"], attributes.get("value") or "y"))
            elif kind not in ("submit", "button", "image", "reset", "file"):
                self.forms[-1].fields.append((attributes["name"], attributes.get("value") or ""))
        elif tag == "select" and attributes.get("name"):
            self._select = (attributes["name"], [])
        elif tag == "option" and self._select is not None:
            self._option = (attributes.get("value"), "selected" in attributes, [])
        elif tag == "textarea" and attributes.get("name"):
            self._textarea = (attributes["name"], [])

    def handle_data(self, data):
        if self._option is not None:
            self._option[2].append(data)
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "option" and self._option is not None and self._select is not None:
            value, selected, text = self._option
            self._select[1].append((value if value is not None else "".join(text).strip(), selected))
            self._option = None
        elif tag == "select" and self._select is not None:
            name, options = self._select
            chosen = [value for value, selected in options if selected] or [value for value, _ in options[:1]]
            self.forms[-1].fields.extend((name, value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # Browsers drop the one line break that may follow <textarea>.
            value = "".join(text)
            value = value[2:] if value.startswith("\r\n") else value.removeprefix("\n")
            self.forms[-1].fields.append((name, value))
            self._textarea = None


def forms_of(response) -> list[Form]:
    parser = _Forms()
    parser.feed(response.get_data(as_text=True))
    return parser.forms


def form_of(response, action_contains: str = "", *, with_field: str | None = None) -> Form:
    """The page's first POST form whose action contains ``action_contains`` (and has ``with_field``).

    The sign-out button in every page's header is a form too; it is skipped unless asked for.
    """
    for form in forms_of(response):
        if form.action == "/logout" and action_contains != "/logout":
            continue
        if form.method == "post" and action_contains in form.action and (
            with_field is None or with_field in form.values()
        ):
            return form
    raise AssertionError(f"no POST form with action containing {action_contains!r} on {response.request.path}")


def submit(client, page_url: str, overrides: dict | None = None, *, action_contains: str = "",
           with_field: str | None = None, **kwargs):
    """Open ``page_url``, fill its form (``overrides``; a value of None leaves the field out) and send it."""
    page = client.get(page_url)
    assert page.status_code == 200, (page_url, page.status_code)
    form = form_of(page, action_contains, with_field=with_field)
    data = form.values()
    for name, value in (overrides or {}).items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return client.post(urljoin(page_url, form.action or page_url), data=data, **kwargs)


def csrf_token_of(response) -> str:
    for form in forms_of(response):
        if "csrf_token" in form.values():
            return form.values()["csrf_token"]
    match = re.search(r'data-csrf="([^"]+)"', response.get_data(as_text=True))
    assert match, f"no CSRF token on {response.request.path}"
    return match.group(1)


def text_of(response) -> str:
    """The page as words, without tags, so assertions read like what a person sees."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def errors_beside_fields(response) -> dict[str, list[str]]:
    """Each field's error messages, as shown next to it (``<p class="error-message" id="FIELD-error">``)."""
    found: dict[str, list[str]] = {}
    html = response.get_data(as_text=True)
    for field_id, message in re.findall(r'<p class="error-message" id="([^"]+)-error">(.*?)</p>', html, flags=re.S):
        found.setdefault(field_id, []).append(unescape(message).strip())
    return found


def flashes_of(response) -> list[str]:
    html = response.get_data(as_text=True)
    block = re.search(r'<div class="flashes" role="status">(.*?)</div>', html, flags=re.S)
    if not block:
        return []
    return [unescape(message).strip() for message in re.findall(r"<p>(.*?)</p>", block.group(1), flags=re.S)]
