"""The review site in a real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright,
pages opened from disk as an analyst opens them. No browser is downloaded: where Chromium is not
installed these tests are skipped and say so (.ci/run installs it with apt-get where it can)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.review.conftest import REPLY

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium', "
                                                         "/usr/bin/chromium): the review site's browser tests need "
                                                         "it; `apt-get install chromium`, as .ci/run does")
# Records what the page's Content-Security-Policy blocked and any script error, from before the page's own code.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed "
                                                                 "(pinned in requirements.lock)")
    with sync_api.sync_playwright() as pw:
        # launch() starts Chromium on a fresh, empty profile (--user-data-dir in a new temporary folder)
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=True)
    context.add_init_script(WATCH)
    p = context.new_page()
    p.errors = []
    p.on("pageerror", lambda exc: p.errors.append(str(exc)))
    yield p
    context.close()


def expect(locator):
    """Playwright's polling assertions: they query from Playwright's own script, which the page's CSP
    (no eval) does not block, unlike wait_for_function with a string."""
    from playwright.sync_api import expect as _expect

    return _expect(locator)


def _open(page, path: Path):
    page.goto(path.as_uri())
    page.wait_for_load_state("load")


TARGET = """() => {
  const t = document.querySelector(':target');
  if (!t) return null;
  const r = t.getBoundingClientRect(), s = getComputedStyle(t);
  return {id: t.id, tag: t.tagName, cls: t.className, text: t.textContent, outline: s.outlineStyle,
          background: s.backgroundColor, inView: r.top >= 0 && r.bottom <= window.innerHeight + 1 && r.height > 0};
}"""


def test_clicking_a_stance_shows_its_evidence_as_the_highlighted_target(review_site, page):
    stances = [s for s in review_site.tables["stances"] if s["evidence"]]
    lid = max({s["letter_id"] for s in stances}, key=lambda i: sum(s["letter_id"] == i for s in stances))
    evidence = [s["evidence"] for s in stances if s["letter_id"] == lid]
    _open(page, review_site.page(lid))
    links = page.locator("table.stances a.stance")
    assert links.count() == len(evidence) >= 4
    normal = page.evaluate("getComputedStyle(document.querySelector('mark.hl-evidence')).backgroundColor")
    seen = []
    for k in range(links.count()):
        link = links.nth(k)
        href = link.get_attribute("href")
        link.click()
        assert page.evaluate("location.hash") == href
        t = page.evaluate(TARGET)
        assert t is not None and f"#{t['id']}" == href
        assert t["tag"] == "MARK" and "hl-evidence" in t["cls"]
        assert t["outline"] == "solid" and t["background"] != normal, "the target is highlighted"
        assert t["inView"], "the browser scrolled the evidence into view"
        seen.append(t["text"])
    assert sorted(seen) == sorted(evidence)
    assert page.evaluate("window.__violations") == [] and page.errors == []


def test_a_reply_links_to_the_letter_it_answers(review_site, page):
    reply = review_site.letter(*REPLY)
    answered = next(r for r in review_site.tables["letters"] if r["letter_id"] == reply["in_reply_to"])
    _open(page, review_site.page(reply["letter_id"]))
    page.click("a.in-reply-to")
    page.wait_for_load_state("load")
    assert page.url == review_site.page(answered["letter_id"]).as_uri()
    assert page.locator("h1").inner_text().startswith(f"{answered['kind']} {answered['date'].isoformat()}")


@pytest.mark.parametrize("index", [0, 1], ids=["letter", "reply"])
def test_a_letter_with_script_and_onerror_shows_them_and_runs_nothing(review_site, page, index):
    lt = review_site.letter("hostile.txt", index)
    _open(page, review_site.page(lt["letter_id"]))
    shown = page.locator("#text").inner_text()
    assert "<script>window.__pwned" in shown and 'onerror="window.__pwned=' in shown
    assert page.evaluate("window.__pwned") is None and "PWNED" not in page.title()
    assert page.locator("#text img, #text script, #text svg, #text b").count() == 0
    page.locator("#text").hover()
    for link in page.locator("table.stances a.stance").all():
        link.click()
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("window.__violations") == [], "nothing was even attempted"
    assert page.errors == []


def test_index_sorts_and_filters_in_the_page(review_site, page):
    letters = review_site.tables["letters"]
    _open(page, review_site.site / "index.html")
    rows = page.locator("#letters tbody tr:not([hidden])")
    assert rows.count() == len(letters)
    page.click("th button[data-sort='0']")
    dates = sorted(r["date"].isoformat() for r in letters if r["date"])
    assert rows.first.locator("td").first.inner_text() == dates[0]
    assert page.get_attribute("#letters th:nth-child(1)", "aria-sort") == "ascending"
    page.click("th button[data-sort='0']")
    assert rows.first.locator("td").first.inner_text() == dates[-1]
    page.fill("input[data-filter='text']", "hostile.txt")
    expect(rows).to_have_count(2)
    assert page.locator("output[data-count-for='letters']").inner_text() == f"2 of {len(letters)}"
    page.fill("input[data-filter='text']", "")
    page.select_option("select[data-filter='kind']", "reply")
    expect(rows).to_have_count(sum(r["kind"] == "reply" for r in letters))
    assert set(rows.locator("td:nth-child(2)").all_inner_texts()) == {"reply"}
    page.check("input[data-filter='corrected']")
    expect(rows).to_have_count(1)
    assert rows.first.locator("a").get_attribute("href") == f"letters/{review_site.letter(*REPLY)['letter_id']}.html"
    assert page.evaluate("window.__violations") == [] and page.errors == []


def test_tracker_links_each_reply_stance_to_its_evidence(review_site, page):
    _open(page, review_site.site / "tracker.html")
    assert page.locator("#tracker tbody tr").count() == len(review_site.tables["recommendations"])
    assert page.locator("figure.chart svg rect.bar").count() > 0
    chip = page.locator("#tracker a.st[href*='#ev-']").first
    color = page.evaluate("el => getComputedStyle(el).color", chip.element_handle())
    assert color != page.evaluate("getComputedStyle(document.body).color"), "stances are colour coded"
    href = chip.get_attribute("href")
    chip.click()
    page.wait_for_load_state("load")
    t = page.evaluate(TARGET)
    assert t is not None and t["tag"] == "MARK" and href.endswith(f"#{t['id']}")
    page.go_back()
    page.select_option("select[data-filter='stance']", "deferred")
    n = sum(1 for r in review_site.tables["recommendations"]
            if any(s["recommendation_id"] == r["recommendation_id"] and s["stance"] == "deferred"
                   for s in review_site.tables["stances"]))
    expect(page.locator("#tracker tbody tr:not([hidden])")).to_have_count(n)
    assert page.evaluate("window.__violations") == [] and page.errors == []


def test_a_long_index_shows_one_page_at_a_time_whatever_the_sort_or_filter(review_site, big_site, page):
    from pipeline.review.site import PAGE_SIZE

    _open(page, big_site / "index.html")
    shown = page.locator("#letters tbody tr:not([hidden])")
    count = page.locator("output[data-count-for='letters']")
    expect(shown).to_have_count(PAGE_SIZE)
    assert count.inner_text() == f"450 of 450, first {PAGE_SIZE} shown"
    page.click("th button[data-sort='0']")
    expect(shown).to_have_count(PAGE_SIZE)
    dates = [d for d in shown.locator("td.date").all_inner_texts()]
    assert dates == sorted(dates, key=lambda d: (d == "", d)), "the page shown is the first of the sorted rows"
    page.click("button[data-more-for='letters']")
    expect(shown).to_have_count(2 * PAGE_SIZE)
    page.click("button[data-all-for='letters']")
    expect(shown).to_have_count(450)
    assert page.locator("button[data-more-for='letters']").is_hidden()
    page.select_option("select[data-filter='kind']", "reply")
    replies = 45 * sum(r["kind"] == "reply" for r in review_site.tables["letters"])
    expect(count).to_have_text(f"{replies} of 450")
    expect(shown).to_have_count(replies)
    assert set(shown.locator("td:nth-child(2)").all_inner_texts()) == {"reply"}
    assert page.evaluate("window.__violations") == [] and page.errors == []


def test_a_tracker_row_past_the_first_page_is_shown_when_linked(big_site, page):
    from pipeline.review.site import PAGE_SIZE

    _open(page, big_site / "tracker.html")
    rows = page.locator("#tracker tbody tr")
    last = rows.nth(rows.count() - 1)
    assert rows.count() > PAGE_SIZE and last.is_hidden()
    rid = last.get_attribute("id")
    page.goto((big_site / "tracker.html").as_uri() + f"#{rid}")
    page.wait_for_load_state("load")
    expect(page.locator(f"#{rid}")).to_be_visible()
    assert page.evaluate(TARGET)["id"] == rid
