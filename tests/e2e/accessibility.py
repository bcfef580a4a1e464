"""axe-core (pinned in tests/js/package.json) run inside the page, for the WCAG 2.2 A and AA rules."""
from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def violations(page) -> list[str]:
    """Each violated rule on the page as it is now, with the elements it found, ready to read in a failure."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations.map(v => `${v.id}: ${v.help} — `"
        " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))",
        WCAG_22_A_AA,
    )
    return found
