/**
 * Domain synonym groups, written from how citizens and staff ask versus how the documents write.
 * The first entry of a group is the documents' own wording; any member found in a question adds
 * the others to the query (with a lower weight, see expandQuery).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['地区生产总值', 'gdp', '生产总值', '经济总量', 'GDP'],
  // "经济增速" is how people say the GDP growth rate the documents write as "地区生产总值增长".
  ['地区生产总值增长', '经济增速', '经济增长速度', 'gdp增速', 'gdp增长'],
  ['一般公共预算收入', '财政收入', '公共预算收入', '预算收入', '财政'],
  ['实际使用外资', '实际利用外资', '实际到账外资', '外资', '利用外资', '外商投资'],
  ['高新技术企业', '高企', '高新企业'],
  // The documents write 国有企业 and 国企 alike ("深化国资国企改革", "提升国有企业核心竞争力").
  ['国有企业', '国企'],
  ['专精特新', '小巨人', '专精特新小巨人'],
  ['低保', '最低生活保障', '低保标准'],
  ['规上工业总产值', '工业总产值', '工业产值', '规模以上工业总产值', '规上产值'],
  ['规上工业增加值', '工业增加值', '规模以上工业增加值'],
  ['规上服务业营收', '服务业营收', '服务业营业收入', '规上服务业'],
  ['社会消费品零售总额', '社零', '消费品零售', '零售总额'],
  ['居民人均可支配收入', '人均可支配收入', '居民收入', '可支配收入', '老百姓收入', '钱袋子', '腰包'],
  ['居民', '老百姓'],
  ['医疗', '看病', '就医', '医院'],
  ['比重', '占比', '比例', '份额'],
  ['养老', '老年人', '老人', '敬老', '长者'],
  ['家庭', '家居', '居家'],
  ['进出口总额', '进出口', '外贸', '货物贸易', '对外贸易'],
  ['城镇就业', '新增就业', '就业', '城镇新增就业'],
  ['常住人口', '人口规模', '人口'],
  ['人均预期寿命', '预期寿命', '平均寿命', '寿命', '活到'],
  ['常州经开区', '经开区', '经济开发区', '常州经济开发区', '开发区'],
  ['十五五', '第十五个五年规划', '十五五规划', '未来五年', '2030年', '十五五末'],
  ['十四五', '第十四个五年规划', '过去五年', '五年来', '十四五时期'],
  ['研发经费', '研发投入', 'r&d', '研发经费支出'],
  ['发明专利', '专利'],
  // "存量工业用地焕新" in the report is the plan's "存量工业建设用地更新".
  ['更新', '焕新'],
  // The report writes 安全生产事故, the plan 生产安全事故: one thing.
  ['生产安全事故', '安全生产事故'],
  ['林木覆盖率', '森林覆盖率', '绿化覆盖率', '树木覆盖率', '树木覆盖', '森林覆盖', '绿化率'],
  ['细颗粒物', 'pm2.5', '空气质量'],
  ['二氧化碳排放', '碳排放', '降碳'],
  ['粮食播种面积', '粮食种植面积', '种粮面积', '粮食年播种面积'],
  ['耕地保有量', '耕地面积', '耕地'],
  ['护理型床位', '养老床位', '护理床位'],
  ['学位', '上学的位子', '读书的位子', '入学名额', '上学名额', '学额'],
  ['执业（助理）医师', '医生', '医师'],
  ['注册护士', '护士'],
  ['集成电路', '芯片', '半导体'],
  ['人工智能', 'ai', '智能体'],
  ['警情', '报警', '案件', '案子'],
  ['招引', '招商', '引进', '引入'],
  // A firm is 认定 (高新技术企业) or 获评 ("小巨人", 卓越级智能工厂): both are how a title is granted.
  ['认定', '获评'],
  ['安全感', '觉得安全', '感到安全', '感觉安全'],
  ['新能源汽车', '智电汽车', '电动汽车'],
  ['机器人', '具身智能'],
  ['托育', '入托', '托儿所', '幼儿托育'],
  ['幼儿', '儿童', '孩子', '小孩', '小朋友'],
  ['公交', '公车', '公交车', '巴士', '公共交通'],
  ['老年助餐点', '老年助餐', '助餐点', '老年食堂'],
  ['城中村', '城中村改造'],
  ['保障性租赁住房', '保租房', '保障房'],
  ['公积金', '住房公积金'],
  ['公共停车泊位', '公共泊位', '公共停车位', '停车泊位', '停车位', '泊位', '车位'],
  ['资金', '投入', '经费'],
  // "新改扩建" contracts 新建、改建、扩建: "新建改建了多少学校" is answered by "新改扩建学校项目".
  ['新改扩建', '新建'],
  ['改扩建', '改建', '扩建'],
  ['年均', '每年', '平均每年'],
  ['增加', '增多', '增长'],
  ['人才', '引才', '人才引进'],
  ['上市挂牌企业', '上市企业', '上市公司'],
  ['名词解释', '定义', '含义', '意思', '是指'],
  ['高校毕业生', '大学生', '大学毕业生', '应届生', '毕业生'],
  ['非申即享', '免申即享', '不用申请', '无需申请', '免申请', '不用申报', '免申报'],
  ['未就业', '没找到工作', '没有找到工作', '找不到工作', '没工作', '待业'],
];

const byMember = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const member of group) byMember.set(member.toLowerCase(), group);
}

/** Longest member first so "实际利用外资" wins over "外资". */
const membersLongestFirst = [...byMember.keys()].sort((a, b) => b.length - a.length);

/** The other members of the synonym group a whole word belongs to (none when it belongs to none). */
function synonymsOf(word: string): string[] {
  const w = word.toLowerCase();
  return (byMember.get(w) ?? []).map((s) => s.toLowerCase()).filter((s) => s !== w);
}

/** The parts of a word (group members inside it) that have `synonym` as a synonym: "城镇就业" of "新增城镇就业" for "城镇新增就业". */
export function partsWithSynonym(word: string, synonym: string): string[] {
  const w = word.toLowerCase();
  return membersLongestFirst.filter((m) => w.includes(m) && synonymsOf(m).includes(synonym.toLowerCase()));
}

/** The other members of every synonym group a normalised text touches. */
export function synonymsIn(normalized: string): string[] {
  const found = new Set<string>();
  let rest = normalized;
  for (const m of membersLongestFirst) {
    if (!rest.includes(m)) continue;
    rest = rest.split(m).join(' ');
    for (const s of byMember.get(m)!) if (s.toLowerCase() !== m) found.add(s.toLowerCase());
  }
  return [...found];
}
