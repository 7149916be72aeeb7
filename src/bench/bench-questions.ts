/**
 * Fixed benchmark questions about the two corpus documents (2026 work report, 15th five-year plan outline).
 * A fixed list keeps runs comparable; the mix mirrors real traffic: figures, targets, glossary terms,
 * other scripts/languages, and questions the documents cannot answer (the refusal path has its own cost).
 * Questions only: answer quality is checked elsewhere.
 */

export type QuestionGroup =
  | 'results-2025'
  | 'targets-2026'
  | 'targets-2030'
  | 'achievements-14th'
  | 'econ-dev-zone'
  | 'glossary'
  | 'traditional'
  | 'english'
  | 'out-of-scope';

export interface BenchQuestion {
  group: QuestionGroup;
  question: string;
}

const group = (g: QuestionGroup, qs: string[]): BenchQuestion[] => qs.map((question) => ({ group: g, question }));

export const BENCH_QUESTIONS: readonly BenchQuestion[] = [
  ...group('results-2025', [
    '2025年武进区地区生产总值是多少？',
    '2025年一般公共预算收入是多少？',
    '2025年规上工业总产值达到多少？',
    '2025年规上服务业营收增长了多少？',
    '2025年居民人均可支配收入增长多少？',
    '武进的低保标准提升到多少？',
    '2025年新增城镇就业多少人？',
    '2025年新认定高新技术企业多少家？',
    '2025年引进各类人才多少名？',
    '2025年新招引3000万元以上项目多少个？',
    '万人有效发明专利达到多少件？',
    '2025年实际利用外资多少？',
    '新能源汽车核心零部件产值是多少？',
    '集成电路和机器人产业规模有多大？',
    '学前教育大班免保教费政策惠及多少幼儿？',
    '太湖清淤和滆湖清淤累计完成了多少？',
    '违法犯罪警情下降了多少？',
    '2025年新增公共停车泊位多少个？',
  ]),
  ...group('targets-2026', [
    '2026年地区生产总值增长目标是多少？',
    '2026年规上工业增加值增长目标是多少？',
    '2026年一般公共预算收入增长目标是多少？',
    '2026年社会消费品零售总额增长多少？',
    '2026年实际使用外资目标是多少？',
    '2026年进出口总额目标是多少？',
    '2026年新增城镇就业目标是多少？',
    '2026年要新建和改造多少个老年助餐点？',
    '2026年计划认定多少家高新技术企业？',
    '2026年要招引超百亿元项目几个？',
    '2026年实施老旧电梯更新多少台？',
    '三大集群力争完成产值多少？',
    '粮食播种面积要稳定在多少亩以上？',
  ]),
  ...group('targets-2030', [
    '到2030年武进一般公共预算收入目标是多少？',
    '2030年研发经费支出占地区生产总值比重目标是多少？',
    '到2030年高新技术企业数要达到多少家？',
    '2030年人均预期寿命目标是多少岁？',
    '每万人高价值发明专利拥有量2030年目标是多少？',
    '耕地保有量指标是多少万亩？',
    '林木覆盖率目标是多少？',
    '公众安全感指标是多少？',
    '养老机构护理型床位占比目标是多少？',
    '“十五五”期间城镇新增就业人数目标是多少？',
    '到2030年常住人口规模达到多少？',
    '到2030年实际到账外资目标是多少？',
    '到“十五五”末规上工业总产值达到多少？',
    '每千人口拥有执业（助理）医师数目标是多少？',
  ]),
  ...group('achievements-14th', [
    '“十四五”期间地区生产总值年均增长多少？',
    '“十四五”期间新增上市企业多少家？',
    '高新技术企业较“十三五”末增长了多少？',
    '“十四五”期间新改扩建学校项目多少个，增加多少学位？',
    '城乡居民人均可支配收入较“十三五”末增长多少？',
    '“十四五”期间规上工业总产值年均增长多少？',
    '“十四五”期间筹集保障性租赁住房多少套？',
  ]),
  ...group('econ-dev-zone', [
    '常州经开区到2030年地区生产总值目标是多少？',
    '常州经开区2025年新建高标准厂房多少平方米？',
    '常州经开区高新技术企业目标是多少家？',
    '常州经开区的“4+3+X”产业布局是什么？',
    '常州经开区常住人口规模目标是多少？',
  ]),
  ...group('glossary', [
    '“35X”产业体系是什么？',
    '“46X”生态体系指什么？',
    'OPC是什么意思？',
    '“四城”是指哪四城？',
    '安全生产“六化”建设是什么？',
    '“1234567”战略是什么？',
    '外经贸十大护航行动包括哪些？',
    '“食武驿”项目是什么？',
  ]),
  ...group('traditional', [
    '2025年武進區地區生產總值是多少？',
    '“35X”產業體系是什麼？',
    '2026年規上工業增加值增長目標是多少？',
    '武進的低保標準是多少？',
  ]),
  ...group('english', [
    "What was Wujin's GDP in 2025?",
    'What is the 2026 GDP growth target?',
    'What is the 35X industrial system?',
    'How many high-tech enterprises are targeted by 2030?',
  ]),
  ...group('out-of-scope', [
    '武进区明天天气怎么样？',
    '2027年武进区地区生产总值是多少？',
    '常州市区二手房均价是多少？',
    '怎么办理护照？',
    '武进区区长是谁？',
    '上海市2025年GDP是多少？',
    '2019年武进区一般公共预算收入是多少？',
    'Who won the 2022 World Cup?',
  ]),
];
