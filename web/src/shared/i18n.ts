/** Interface strings in the three interface languages; answers themselves follow the question's script. */
export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';
export const LANGS: Lang[] = ['zh-Hans', 'zh-Hant', 'en'];
export const LANG_NAMES: Record<Lang, string> = { 'zh-Hans': '简体', 'zh-Hant': '繁體', en: 'English' };

export interface Strings {
  appName: string;
  open: string;
  close: string;
  language: string;
  elderMode: string;
  greeting: string;
  hotQuestions: string;
  questionLabel: string;
  placeholder: string;
  send: string;
  thinking: string;
  failed: string;
  disclaimer: string;
  sources: string;
  citation: (n: number, title: string) => string;
  viewSource: string;
  ratingLegend: string;
  ratings: [string, string, string, string, string];
  commentLabel: string;
  submitRating: string;
  ratingThanks: string;
  ratingChoose: string;
  newAnswer: string;
  you: string;
  assistant: string;
}

const zhHans: Strings = {
  appName: '智能问答',
  open: '打开智能问答',
  close: '关闭',
  language: '界面语言',
  elderMode: '长者模式',
  greeting: '您好！我可以回答关于武进区政府工作报告和“十五五”规划纲要的问题，答案中的数字均摘自原文。',
  hotQuestions: '热门问题',
  questionLabel: '请输入您的问题',
  placeholder: '例如：2025年地区生产总值是多少？',
  send: '发送',
  thinking: '正在查找原文……',
  failed: '暂时无法回答，请稍后再试。',
  disclaimer: '以正式文件为准',
  sources: '引用原文',
  citation: (n, title) => `引用${n}：${title}`,
  viewSource: '在原文中查看',
  ratingLegend: '您对这个回答满意吗？',
  ratings: ['非常满意', '满意', '基本满意', '不满意', '非常不满意'],
  commentLabel: '意见或建议（选填）',
  submitRating: '提交评价',
  ratingThanks: '感谢您的评价！',
  ratingChoose: '请先选择满意程度。',
  newAnswer: '新回答',
  you: '您',
  assistant: '智能问答',
};

const zhHant: Strings = {
  appName: '智能問答',
  open: '打開智能問答',
  close: '關閉',
  language: '介面語言',
  elderMode: '長者模式',
  greeting: '您好！我可以回答關於武進區政府工作報告和“十五五”規劃綱要的問題，答案中的數字均摘自原文。',
  hotQuestions: '熱門問題',
  questionLabel: '請輸入您的問題',
  placeholder: '例如：2025年地區生產總值是多少？',
  send: '發送',
  thinking: '正在查找原文……',
  failed: '暫時無法回答，請稍後再試。',
  disclaimer: '以正式文件為準',
  sources: '引用原文',
  citation: (n, title) => `引用${n}：${title}`,
  viewSource: '在原文中查看',
  ratingLegend: '您對這個回答滿意嗎？',
  ratings: ['非常滿意', '滿意', '基本滿意', '不滿意', '非常不滿意'],
  commentLabel: '意見或建議（選填）',
  submitRating: '提交評價',
  ratingThanks: '感謝您的評價！',
  ratingChoose: '請先選擇滿意程度。',
  newAnswer: '新回答',
  you: '您',
  assistant: '智能問答',
};

const en: Strings = {
  appName: 'Policy Q&A',
  open: 'Open the policy Q&A assistant',
  close: 'Close',
  language: 'Interface language',
  elderMode: 'Large text',
  greeting: 'Hello! I answer questions about the Wujin District Government Work Report and the 15th Five-Year Plan Outline; every figure is quoted from the documents.',
  hotQuestions: 'Popular questions',
  questionLabel: 'Your question',
  placeholder: 'e.g. What was the GDP in 2025?',
  send: 'Send',
  thinking: 'Searching the documents…',
  failed: 'The assistant cannot answer right now; please try again later.',
  disclaimer: 'The official documents prevail (以正式文件为准)',
  sources: 'Sources',
  citation: (n, title) => `Source ${n}: ${title}`,
  viewSource: 'View in the document',
  ratingLegend: 'How satisfied are you with this answer?',
  ratings: ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied'],
  commentLabel: 'Comment (optional)',
  submitRating: 'Submit rating',
  ratingThanks: 'Thank you for your rating!',
  ratingChoose: 'Please choose a rating first.',
  newAnswer: 'New answer',
  you: 'You',
  assistant: 'Assistant',
};

export const STRINGS: Record<Lang, Strings> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/**
 * Popular questions offered on the widget's greeting, per interface language. Each must be answered by the
 * documents (test/web-questions.test.ts asks every one through the API).
 */
export const HOT_QUESTIONS: Record<Lang, string[]> = {
  'zh-Hans': ['2025年武进区地区生产总值是多少？', '到2030年一般公共预算收入目标是多少？', '“十五五”时期要培育哪些新兴产业？', '去年常州经开区新建了多少平方米高标准厂房？'],
  'zh-Hant': ['2025年武進區地區生產總值是多少？', '到2030年一般公共預算收入目標是多少？', '常州經開區去年新建了多少平方米高標準廠房？'],
  en: ["What was Wujin's GDP in 2025?", 'What is the general public budget revenue target for 2030?', "How many square metres of high-standard factory buildings did the Changzhou Economic Development Zone build last year?"],
};

/** Example questions on the staff page: results, targets, a 十四五 total, a glossary definition, a list. */
export const STAFF_EXAMPLES = [
  '2025年武进区地区生产总值是多少？',
  '今年一般公共预算收入的目标是多少？',
  '“十四五”期间新增城镇就业多少人？',
  '到2030年一般公共预算收入目标是多少？',
  '什么是“食武驿”项目？',
  '去年常州经开区新建了多少平方米高标准厂房？',
];

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as string[]).includes(v);

/** The interface language the browser prefers, among the three. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const tag = l.toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(tag)) return 'zh-Hant';
    if (tag.startsWith('zh')) return 'zh-Hans';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-Hans';
}
