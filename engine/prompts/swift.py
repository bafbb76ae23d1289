"""The SWIFT prompt builder: Scene, Want, Interact, Feed, Thinking framework.

A guided brief that most marketing prompts need and most people leave out half of:

- **Scene**: who is writing, for whom, where it will appear.
- **Want**: the deliverable itself (what, how long, how many versions).
- **Interact**: how the model should work with the person: ask before writing, offer
  options, revise on feedback. The refinement itself continues as follow-up messages in
  the same conversation.
- **Feed**: what the model must work from: facts, samples, attached files, knowledge
  snippets (cited).
- **Thinking framework**: a structure from the library (AIDA, PAS, FAB, 4P, SWOT, …).

:func:`build_prompt` turns a brief into the prompt a person sees; :func:`to_template`
saves it as a template, keeping any ``{{ variable }}`` the person typed as a real
variable and everything pasted as literal text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import nodes

from engine.knowledge.documents import read_document
from engine.errors import BadInput
from engine.prompts.frameworks import Framework
from engine.knowledge.base import Snippet
from engine.prompts.render import environment, literal
from engine.prompts.variables import NAME, Variable
from engine.prompts.templates import Template

MAX_ATTACHMENT_CHARS = 20_000

HEADINGS = {
    "zh-TW": {"scene": "情境（Scene）", "want": "需求（Want）", "interact": "互動方式（Interact）",
              "feed": "參考素材（Feed）", "thinking": "思考框架（Thinking framework）",
              "attachment": "附件", "knowledge": "公司知識", "cite": "引用公司知識時，請以 [編號] 標註出處。"},
    "en": {"scene": "Scene", "want": "Want", "interact": "Interact", "feed": "Feed",
           "thinking": "Thinking framework", "attachment": "Attachment", "knowledge": "Company knowledge",
           "cite": "When you use company knowledge, cite it as [number]."},
}

INTERACT_PRESETS = {
    "zh-TW": ["動筆前，先問我最多 3 個釐清問題。", "請提供 3 個不同風格的版本，讓我挑選。",
              "寫完後，列出你最沒把握的地方，並建議我可以補充哪些資訊。",
              "之後我會給修改意見，請在同一篇上修改，只改我指出的部分。"],
    "en": ["Before you write, ask me up to 3 clarifying questions.",
           "Give me 3 versions in different styles to choose from.",
           "After the draft, list what you are least sure of and what information would help.",
           "I will send feedback next: revise the same draft and change only what I point out."],
}
"""Common Interact instructions, written in the prompt's language (they are prompt text,
not interface text)."""


@dataclass(frozen=True)
class Attachment:
    """A file (or pasted text) fed to the prompt, already read to text."""

    name: str
    text: str

    @classmethod
    def from_file(cls, path: Path | str) -> "Attachment":
        """Read a document (txt, md, docx, pdf, xlsx, csv); long ones are cut, and say so."""
        document = read_document(path)
        text = document.text.strip()
        if len(text) > MAX_ATTACHMENT_CHARS:
            text = text[:MAX_ATTACHMENT_CHARS] + "\n[…]"
        return cls(name=document.name, text=text)


@dataclass(frozen=True)
class SwiftBrief:
    scene: str = ""
    want: str = ""
    interact: str = ""
    feed: str = ""  # facts and samples typed or pasted
    attachments: tuple[Attachment, ...] = ()
    snippets: tuple[Snippet, ...] = ()
    framework: Framework | None = None
    language: str = "zh-TW"

    def is_empty(self) -> bool:
        return not any((self.scene.strip(), self.want.strip(), self.interact.strip(), self.feed.strip(),
                        self.attachments, self.snippets, self.framework))


def _sections(brief: SwiftBrief, *, for_template: bool) -> list[tuple[str, str]]:
    """(heading, content) for each part that has something, in S-W-I-F-T order.

    What the person typed is kept as is (a ``{{ placeholder }}`` stays one); attached
    files and snippets are made literal when the result is a template body.
    """
    h = HEADINGS.get(brief.language, HEADINGS["en"])
    text = str
    pasted = literal if for_template else str
    sections: list[tuple[str, str]] = []
    if brief.scene.strip():
        sections.append((h["scene"], text(brief.scene.strip())))
    if brief.want.strip():
        sections.append((h["want"], text(brief.want.strip())))
    if brief.interact.strip():
        sections.append((h["interact"], text(brief.interact.strip())))
    feed: list[str] = []
    if brief.feed.strip():
        feed.append(text(brief.feed.strip()))
    for attachment in brief.attachments:
        feed.append(f"{h['attachment']}：{attachment.name}\n" if brief.language == "zh-TW" else
                    f"{h['attachment']}: {attachment.name}\n")
        feed[-1] += pasted(attachment.text.strip())
    if brief.snippets:
        lines = [f"{h['knowledge']}（{h['cite']}）" if brief.language == "zh-TW" else
                 f"{h['knowledge']} ({h['cite']})"]
        for number, snippet in enumerate(brief.snippets, 1):
            where = f"{snippet.document}（第 {snippet.seq} 段）" if brief.language == "zh-TW" else \
                f"{snippet.document}, chunk {snippet.seq}"
            lines.append(f"[{number}] {where}\n{pasted(snippet.text.strip())}")
        feed.append("\n\n".join(lines))
    if feed:
        sections.append((h["feed"], "\n\n".join(feed)))
    if brief.framework is not None:
        framework = brief.framework
        sections.append((f"{h['thinking']}：{framework.name_for(brief.language)}" if brief.language == "zh-TW"
                         else f"{h['thinking']}: {framework.name_for(brief.language)}",
                         framework.instruction_for(brief.language)))
    return sections


def template_body(brief: SwiftBrief) -> str:
    """The brief as a template body: typed ``{{ variables }}`` stay variables, attachments
    and snippets are literal text."""
    if brief.is_empty():
        raise BadInput("The brief is empty; fill in at least the Scene or the Want.")
    sections = _sections(brief, for_template=True)
    return "\n\n".join(f"## {heading}\n{content}" for heading, content in sections) + "\n"


def build_prompt(brief: SwiftBrief) -> str:
    """The prompt exactly as the model will read it (what the builder's preview shows).

    Placeholders typed in the brief (``{{ product }}``) are shown as they are: they
    become variables once the brief is saved as a template.
    """
    if brief.is_empty():
        return ""
    sections = _sections(brief, for_template=False)
    return "\n\n".join(f"## {heading}\n{content}" for heading, content in sections) + "\n"


def placeholders(body: str) -> list[str]:
    """Names the brief uses as ``{{ name }}``, in order of first use."""
    try:
        tree = environment().parse(body)
    except Exception as exc:
        raise BadInput(f"The brief has a broken placeholder: {exc}.") from exc
    names: dict[str, None] = {}
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in ("knowledge", "range", "namespace", "loop"):
            names[node.name] = None
    return list(names)


def to_template(brief: SwiftBrief, name: str, *, description: str = "", category: str = "other",
                existing: Sequence[Variable] = ()) -> Template:
    """Save the brief as a template; each placeholder becomes a required short-text variable
    (or keeps the definition given in ``existing``)."""
    body = template_body(brief)
    known = {v.name: v for v in existing}
    variables = []
    for placeholder in placeholders(body):
        if not NAME.match(placeholder):
            raise BadInput(f"'{placeholder}' cannot be a variable name; use letters, digits and underscores.")
        variables.append(known.get(placeholder) or Variable(name=placeholder, type="short_text",
                                                            label=placeholder, required=True))
    return Template.from_dict({
        "name": name, "description": description, "category": category, "kind": "text",
        "language": brief.language, "body": body, "variables": [v.as_dict() for v in variables],
        "framework": None,
    })
