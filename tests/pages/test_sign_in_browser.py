"""Signing in with a real browser: Chromium against `readiness serve` over plain HTTP on 127.0.0.1.

The session cookie is Secure by default; Chromium keeps and sends a Secure cookie from
http://127.0.0.1 and http://localhost (they count as secure contexts), so the default holds for
the local service as well as behind HTTPS.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from tests.pages.conftest import FirstAdmin, sign_in
from tests.support.live_server import LiveServer


def test_a_visitor_is_sent_to_sign_in_and_back_with_a_secure_http_only_cookie(
    anonymous_page: Page,
    chromium: BrowserContext,
    server: LiveServer,
    first_admin: FirstAdmin,
    test_output: Path,
) -> None:
    page = anonymous_page
    page.goto(f"{server.url}/portfolio?lang=en")

    page.wait_for_url("**/sign-in?next=**")
    expect(page.locator("h1")).to_have_text("Sign in")
    page.screenshot(path=test_output / "sign-in.png", full_page=True)
    page.get_by_label("Email").fill(first_admin.email)
    page.get_by_label("Password").fill(first_admin.password)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(f"{server.url}/portfolio?lang=en")
    expect(page.locator(".account-name")).to_have_text("Admin")
    (cookie,) = [c for c in chromium.cookies(server.url) if c["name"] == "readiness_session"]
    assert cookie["secure"] is True
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    assert "readiness_session" not in page.evaluate("document.cookie")


def test_a_wrong_password_is_said_without_saying_which_part_is_wrong(
    anonymous_page: Page, server: LiveServer, first_admin: FirstAdmin
) -> None:
    page = anonymous_page
    page.goto(f"{server.url}/sign-in")
    page.get_by_label("E-post").fill(first_admin.email)
    page.get_by_label("Lösenord").fill("not the password at all")
    page.get_by_role("button", name="Logga in").click()

    expect(page.get_by_role("alert")).to_have_text("E-postadressen eller lösenordet är fel.")
    expect(page.get_by_label("E-post")).to_have_value(first_admin.email)
    expect(page.get_by_label("Lösenord")).to_have_value("")


def test_a_form_sent_from_another_site_is_refused(browser_page: Page, server: LiveServer) -> None:
    page = browser_page
    page.goto(f"{server.url}/portfolio")
    expect(page.locator(".account-name")).to_be_visible()
    forged = f'<form method="post" action="{server.url}/sign-out"><button>Win</button></form>'

    page.set_content(forged)
    page.get_by_role("button", name="Win").click()

    expect(page.locator("h1")).to_have_text("Formuläret har gått ut")
    page.goto(f"{server.url}/portfolio")
    expect(page.locator(".account-name")).to_be_visible()  # still signed in


def test_signing_out_from_the_header(
    anonymous_page: Page, server: LiveServer, first_admin: FirstAdmin
) -> None:
    page = anonymous_page
    sign_in(page, server.url, first_admin.email, first_admin.password)

    page.get_by_role("button", name="Logga ut").click()

    page.wait_for_url(f"{server.url}/?lang=sv")
    expect(page.get_by_role("link", name="Logga in", exact=True)).to_be_visible()
    page.goto(f"{server.url}/portfolio")
    page.wait_for_url("**/sign-in?next=**")
