/** Navigation menu of the site, one bullet per line ("• 今天是", "  • 走进武进"). */
const NAV_BULLET = /^\s*•/;
/** "key: value" lines of the information-disclosure block above the body. */
const META_LINE = /^(信息名称|索\s*引\s*号|主题分类|体裁分类|组配分类|文件编号|发布机构|产生日期|发布日期|废止日期|内容概述)\s*[:：]/;
const RELATED = /^相关阅读\s*[:：]?$/;
/** The print/download bar: everything from here on is the site footer (CopyRight, 苏ICP备…). */
const FOOTER_START = /^打印\s*下载本信息公开文件/;
const FOOTER_LINE = /CopyRight|ICP备|公网安备|网站标识码/i;

export interface WebPageBody {
  /** Value of 信息名称, the page's own title. */
  title: string | undefined;
  /** Body lines in order, trimmed, blank lines dropped (each line is one paragraph or heading). */
  lines: string[];
}

/**
 * Strips the chrome of a government web-page dump (navigation, disclosure metadata, "相关阅读",
 * the repeated title, print bar and footer) and returns the body lines verbatim.
 */
export function cleanWebReport(raw: string): WebPageBody {
  const rawLines = raw.replace(/\r\n?/g, '\n').split('\n');
  const titleLine = rawLines.find((l) => /^信息名称\s*[:：]/.test(l.trim()));
  const title = titleLine?.trim().replace(/^信息名称\s*[:：]\s*/, '') || undefined;

  const lines: string[] = [];
  for (const rawLine of rawLines) {
    const line = rawLine.trim(); // also drops the NBSP / EN SPACE padding of the export
    if (FOOTER_START.test(line)) break;
    if (!line || NAV_BULLET.test(line) || META_LINE.test(line) || RELATED.test(line)) continue;
    if (FOOTER_LINE.test(line)) continue;
    if (title && line === title) continue; // the title repeated above the body
    lines.push(line);
  }
  return { title, lines };
}
