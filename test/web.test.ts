/**
 * The staff page and the website widget in a real browser (Debian's Chromium through playwright-core), against a
 * real Node server: questions, figures, follow-ups, citations, the source view, ratings, languages, keyboard
 * use, untrusted text, accessibility (axe-core) and screenshots at desktop and phone widths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/node.js';
import { startTestServer } from './helpers/server.js';
import { DIST_DIR } from '../web/build.js';
import { HOT_QUESTIONS, STAFF_EXAMPLES } from '../web/src/shared/i18n.js';
import { launchChromium, overflowsHorizontally, screenshot, seriousViolations } from './helpers/browser.js';

const GDP_Q = '2025年武进区地区生产总值是多少？';
const XSS = '<img src=x onerror=alert(1)>';
const WIDGET = 'wujin-qa-widget';

let server: RunningServer;
let browser: Browser;
const dialogs: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(opts: { width?: number; height?: number; locale?: string; scale?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    deviceScaleFactor: opts.scale ?? 1,
    locale: opts.locale ?? 'zh-CN',
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => dialogs.push(`pageerror: ${e.message}`));
  // The pages must satisfy the server's Content-Security-Policy: any refusal is a defect.
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) dialogs.push(`csp: ${m.text()}`);
  });
  return { context, page };
}

describe('built assets', () => {
  it('widget.js is under 40 KB gzipped and the pages load no framework runtime', () => {
    const widget = readFileSync(join(DIST_DIR, 'widget.js'));
    expect(gzipSync(widget).length).toBeLessThan(40 * 1024);
    for (const name of ['index.html', 'docs.html', 'embed-demo.html']) expect(existsSync(join(DIST_DIR, name))).toBe(true);
  });

  it('every popular and example question offered to users is answered by the documents', async () => {
    for (const q of [...Object.values(HOT_QUESTIONS).flat(), ...STAFF_EXAMPLES]) {
      const r = await server.engine.answer(q);
      expect(r.found, q).toBe(true);
      expect(r.figures.length + r.citations.length, q).toBeGreaterThan(0);
    }
  });
});

describe('staff chat page (/)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/`);
  });
  afterAll(() => context?.close());

  const askOnPage = async (q: string) => {
    const before = await page.locator('.turn').count();
    await page.locator('#question').fill(q);
    await page.locator('#question').press('Enter');
    await page.locator('.turn').nth(before).waitFor();
    return page.locator('.turn').nth(before);
  };

  it('answers a question with the figure highlighted, cited and announced in a live region', async () => {
    const turn = await askOnPage(GDP_Q);
    await expect.poll(() => turn.locator('mark.figure').first().textContent()).toBe('3570亿元');
    expect(await turn.locator('.answer-text').textContent()).toContain('3570亿元');
    expect(await turn.locator('.answer-text .cite-marker').first().textContent()).toBe('[1]');
    expect(await page.locator('#log').getAttribute('aria-live')).toBe('polite');
    // The cited passage is listed; the other retrieved passages are folded under 其他相关段落.
    expect(await turn.locator('.sources > ol > li').allTextContents()).toEqual(['[1] 《2026年武进区政府工作报告》 2025年及“十四五”工作回顾']);
    expect(await turn.locator('.sources details summary').textContent()).toMatch(/^其他相关段落（\d）$/);
  });

  it('sends the conversation as history, so a follow-up is answered in context', async () => {
    const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
    const turn = await askOnPage('那一般公共预算收入呢？');
    const sent = JSON.parse((await request).postData() ?? '{}');
    expect(sent.history).toHaveLength(2);
    expect(sent.history[0]).toEqual({ role: 'user', content: GDP_Q });
    expect(await turn.locator('mark.figure').first().textContent()).toBe('225亿元');
  });

  it('opens a citation marker in the side panel with title and section, Esc closes it and returns focus', async () => {
    const marker = page.locator('.turn').first().locator('.answer-text .cite-marker').first();
    await marker.click();
    const panel = page.locator('#citation-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('.citation-title').textContent()).toContain('2026年武进区政府工作报告');
    expect(await panel.locator('.citation-section').textContent()).toBe('2025年及“十四五”工作回顾');
    expect(await panel.locator('mark.figure').first().textContent()).toBe('3570亿元');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('citation-heading');
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await marker.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('在原文中查看 opens the cleaned document scrolled to the passage with the figure highlighted', async () => {
    await page.locator('.turn').first().locator('.answer-text .cite-marker').first().click();
    const [source] = await Promise.all([context.waitForEvent('page'), page.locator('#citation-panel .view-source').click()]);
    await source.waitForLoadState();
    expect(new URL(source.url()).pathname).toBe('/docs/work-report-2026');
    const passage = source.locator('mark.passage').first();
    await passage.waitFor();
    expect(await passage.locator('mark.figure').textContent()).toBe('3570亿元');
    expect(await source.locator('#doc-title').textContent()).toBe('2026年武进区政府工作报告');
    // Scrolled into view: the passage lies inside the viewport.
    const box = await passage.boundingBox();
    const height = source.viewportSize()!.height;
    expect(box && box.y >= 0 && box.y < height).toBe(true);
    expect(await source.evaluate(() => document.querySelector('.document')?.textContent ?? '')).not.toMatch(/\[bookmark:|footnoteRef/);
    await screenshot(source, 'source-view-desktop');
    await source.close();
    await page.keyboard.press('Escape');
  });

  it('shows why an answer was given: the ranked passages with scores, on demand', async () => {
    const toggle = page.locator('.turn').first().locator('.explain-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = page.locator('.turn').first().locator('.explain tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const scores = await rows.locator('td:nth-child(2)').allTextContents();
    expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => b - a));
  });

  it('copies the answer with its sources', async () => {
    await page.locator('.turn').first().locator('button.copy').click();
    await expect.poll(() => page.locator('.turn').first().locator('.copy-status').textContent()).toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('3570亿元');
    expect(copied).toContain('[1] 《2026年武进区政府工作报告》');
  });

  it('shows a question with HTML in it as text, never as markup', async () => {
    const turn = await askOnPage(XSS);
    expect(await turn.locator('.msg.user').textContent()).toContain(XSS);
    expect(await page.locator('#log img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('passes an axe-core WCAG 2.1 AA scan with a conversation and the citation panel open', async () => {
    await page.locator('.turn').first().locator('.answer-text .cite-marker').first().click();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-desktop');
    await page.keyboard.press('Escape');
  });

  it('keeps conversations across a reload; 新建对话 starts an empty one and the old one can be reopened', async () => {
    await page.reload();
    await page.locator('.turn').first().waitFor();
    expect(await page.locator('.turn').count()).toBe(3);
    expect(await page.locator('.conversation[aria-current="true"]').textContent()).toBe(GDP_Q);
    await page.locator('#new-conversation').click();
    expect(await page.locator('.turn').count()).toBe(0);
    await askOnPage('到2030年一般公共预算收入目标是多少？');
    expect(await page.locator('.conversation').count()).toBe(2);
    await page.locator('.conversation', { hasText: GDP_Q }).click();
    expect(await page.locator('.turn').count()).toBe(3);
    expect(await page.locator('.turn').first().locator('mark.figure').first().textContent()).toBe('3570亿元');
  });

  it('works by keyboard alone: skip link to the question box, Enter asks', async () => {
    await page.locator('#new-conversation').click();
    await page.reload();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    await page.keyboard.type('到2030年一般公共预算收入目标是多少？');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.turn mark.figure').first().textContent()).toBe('218亿元');
  });

  it('fits a 375 px phone and 200% zoom without horizontal scrolling', async () => {
    for (const [name, width, height, scale] of [
      ['staff-375px', 375, 740, 2],
      ['staff-zoom-200', 640, 400, 2],
    ] as const) {
      const { context: narrow, page: p } = await newPage({ width, height, scale });
      await p.goto(`${server.url}/`);
      await p.locator('#question').fill(GDP_Q);
      await p.locator('#send').click();
      await p.locator('.turn mark.figure').first().waitFor();
      expect(await overflowsHorizontally(p), name).toBe(false);
      expect(await p.locator('#send').isVisible()).toBe(true);
      await screenshot(p, name);
      await narrow.close();
    }
  });
});

describe('website widget (/widget.js on /embed-demo)', () => {
  let context: BrowserContext;
  let page: Page;
  const launcher = () => page.locator(`${WIDGET} .launcher`);
  const panel = () => page.locator(`${WIDGET} .panel`);

  beforeAll(async () => {
    ({ context, page } = await newPage());
    await page.goto(`${server.url}/embed-demo`);
    await launcher().waitFor();
  });
  afterAll(() => context?.close());

  const askInWidget = async (q: string) => {
    const before = await page.locator(`${WIDGET} .msg.bot`).count();
    await page.locator(`${WIDGET} textarea#wjqa-question`).fill(q);
    await page.locator(`${WIDGET} textarea#wjqa-question`).press('Enter');
    await page.locator(`${WIDGET} .msg.bot`).nth(before).waitFor();
    return page.locator(`${WIDGET} .msg.bot`).nth(before);
  };

  it('is not touched by the host page’s CSS and floats above its fixed elements', async () => {
    const style = await launcher().evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, background: s.backgroundColor };
    });
    expect(style.fontSize).toBe('16px');
    expect(style.background).toBe('rgb(11, 87, 208)');
    const box = (await launcher().boundingBox())!;
    const topmost = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(), [box.x + box.width / 2, box.y + box.height / 2]);
    expect(topmost).toBe(WIDGET);
    // …and the widget does not restyle the host page.
    expect(await page.locator('main h1').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/serif/);
  });

  it('opens from the keyboard (Tab to the button, Enter), greets with 热门问题 and focuses the question box', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    let onLauncher = false;
    for (let i = 0; i < 15 && !onLauncher; i++) {
      await page.keyboard.press('Tab');
      onLauncher = await page.evaluate((tag) => document.activeElement?.tagName.toLowerCase() === tag && document.activeElement.shadowRoot?.activeElement?.classList.contains('launcher') === true, WIDGET);
    }
    expect(onLauncher).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().isVisible()).toBe(true);
    expect(await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.activeElement?.id, WIDGET)).toBe('wjqa-question');
    expect(await page.locator(`${WIDGET} .hot-title`).textContent()).toBe('热门问题');
    expect(await page.locator(`${WIDGET} .hot-question`).count()).toBe(HOT_QUESTIONS['zh-Hans'].length);
    expect(await page.locator(`${WIDGET} .disclaimer`).textContent()).toBe('以正式文件为准');
  });

  it('answers with the figure highlighted and expands a citation in place with a link to the source', async () => {
    const answer = await askInWidget(GDP_Q);
    expect(await answer.locator('mark.figure').first().textContent()).toBe('3570亿元');
    const marker = answer.locator('.cite-marker').first();
    await marker.press('Enter');
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    const card = answer.locator('.citation-card').first();
    expect(await card.isVisible()).toBe(true);
    expect(await card.locator('.citation-title').textContent()).toContain('2026年武进区政府工作报告');
    const href = (await card.locator('a.view-source').getAttribute('href'))!;
    expect(new URL(href).pathname).toBe('/docs/work-report-2026');
    expect(new URL(href).searchParams.get('hl')).toBe('3570亿元');
  });

  it('takes a five-level rating with a comment and the server accepts it for that answer', async () => {
    const answer = page.locator(`${WIDGET} .msg.bot`).first();
    const legends = await answer.locator('.rating-choice span').allTextContents();
    expect(legends).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await answer.locator('.rating-choice', { hasText: /^满意$/ }).locator('input').check();
    await answer.locator('.rating textarea').fill('数字很清楚');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await answer.locator('.rating-submit').click();
    expect((await response).status()).toBe(201);
    await expect.poll(() => answer.locator('.rating-status').textContent()).toBe('感谢您的评价！');
    // Stored in the question log, tied to the logged question the widget asked.
    const row = server.store.db.prepare('SELECT f.rating, f.comment, q.question, q.interface FROM feedback f JOIN questions q ON q.id = f.question_id ORDER BY f.given_at DESC LIMIT 1').get();
    expect(row).toEqual({ rating: 4, comment: '数字很清楚', question: '2025年武进区地区生产总值是多少', interface: 'widget' });
  });

  it('shows a question with HTML in it as text, never as markup', async () => {
    await askInWidget(XSS);
    expect(await page.locator(`${WIDGET} .msg.user`).last().textContent()).toContain(XSS);
    expect(await page.locator(`${WIDGET} img`).count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('passes an axe-core WCAG 2.1 AA scan with the panel open', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'widget-desktop');
  });

  it('switches the interface to 繁體 and answers a traditional question in traditional characters', async () => {
    await page.locator(`${WIDGET} select#wjqa-lang`).selectOption('zh-Hant');
    expect(await page.locator(`${WIDGET} .title`).textContent()).toBe('智能問答');
    expect(await page.locator(`${WIDGET} .disclaimer`).textContent()).toBe('以正式文件為準');
    const answer = await askInWidget('2025年武進區地區生產總值是多少？');
    expect(await answer.locator('mark.figure').first().textContent()).toBe('3570億元');
    expect(await answer.locator('.rating legend').textContent()).toBe('您對這個回答滿意嗎？');
  });

  it('switches to English and answers an English question with the source figure', async () => {
    await page.locator(`${WIDGET} select#wjqa-lang`).selectOption('en');
    expect(await page.locator(`${WIDGET} .send`).textContent()).toBe('Send');
    const answer = await askInWidget("What was Wujin's GDP in 2025?");
    expect(await answer.locator('mark.figure').first().textContent()).toBe('3570亿元');
    expect(await answer.locator('.answer-text').textContent()).toMatch(/^According to/);
    await page.locator(`${WIDGET} select#wjqa-lang`).selectOption('zh-Hans');
  });

  it('长者模式 enlarges text and targets, and is remembered', async () => {
    const toggle = page.locator(`${WIDGET} .elder-toggle`);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(`${WIDGET} .root`).evaluate((el) => getComputedStyle(el).fontSize)).toBe('22px');
    const send = (await page.locator(`${WIDGET} .send`).boundingBox())!;
    expect(send.height).toBeGreaterThanOrEqual(48);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'widget-elder-mode');
    await page.reload();
    expect(await page.locator(`${WIDGET} .elder-toggle`).getAttribute('aria-pressed')).toBe('true');
    await page.locator(`${WIDGET} .elder-toggle`).click();
  });

  it('closes with Esc, returns focus to the button and remembers open or closed across reloads', async () => {
    // The panel was open before the reload above, so it is open again.
    expect(await panel().isVisible()).toBe(true);
    await page.locator(`${WIDGET} textarea#wjqa-question`).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().isVisible()).toBe(false);
    expect(await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.activeElement?.className, WIDGET)).toBe('launcher');
    await page.reload();
    await launcher().waitFor();
    expect(await panel().isVisible()).toBe(false);
  });

  it('goes full screen on a 375 px phone', async () => {
    const { context: phone, page: p } = await newPage({ width: 375, height: 740, scale: 2 });
    await p.goto(`${server.url}/embed-demo`);
    await p.locator(`${WIDGET} .launcher`).click();
    const box = (await p.locator(`${WIDGET} .panel`).boundingBox())!;
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, 375, 740]);
    await p.locator(`${WIDGET} .hot-question`).first().click();
    await p.locator(`${WIDGET} mark.figure`).first().waitFor();
    expect(await overflowsHorizontally(p)).toBe(false);
    await screenshot(p, 'widget-375px');
    await phone.close();
  });
});

describe('staff analytics page (/admin)', () => {
  it('asks for the token, then shows the gap list, satisfaction and the slowest answers; passes axe', async () => {
    const token = 'browser-admin-token-0123456789';
    const adminServer = await startTestServer({ config: { adminToken: token } });
    const { context, page } = await newPage();
    try {
      const answered = await (await fetch(`${adminServer.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: GDP_Q, interface: 'widget' }) })).json();
      await fetch(`${adminServer.url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId: answered.id, rating: 5, comment: '<b>很好</b>' }) });
      await fetch(`${adminServer.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '武进区有几个地铁站？' }) });
      await page.goto(`${adminServer.url}/admin`);
      await page.locator('#token').fill('wrong-token-wrong-token');
      await page.locator('#token-form button').click();
      await expect.poll(() => page.locator('#status').textContent()).toBe('令牌不正确。');
      await page.locator('#token').fill(token);
      await page.locator('#token-form button').click();
      await page.locator('.stats-table').first().waitFor();
      const gaps = page.locator('section', { has: page.locator('h2', { hasText: '文件未能回答的问题' }) });
      expect(await gaps.locator('tbody td').first().textContent()).toBe('武进区有几个地铁站');
      const comments = page.locator('section', { has: page.locator('h2', { hasText: '评价意见' }) });
      expect(await comments.locator('tbody td').last().textContent()).toBe('<b>很好</b>');
      expect(await page.locator('#stats b').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'admin-desktop');
    } finally {
      await context.close();
      await adminServer.close();
    }
  });
});

describe('content security policy', () => {
  it('no page above ran into the server\'s CSP, raised a dialog or threw', () => {
    expect(dialogs).toEqual([]);
  });
});
