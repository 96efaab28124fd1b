"""numbers.approx: an approximate number said approximate twice (约180人左右, 近3000多人)."""

import re

ID = "numbers.approx"
SEVERITY = "warning"
FIXABLE = False
DOC = ("约数重复：相邻两个数字连用表示概数时用汉字数字、不加顿号（7、8天、三、四天，写作七八天、三四天）；表示约数的词只用一个——“约”“大约”“近”“将近”“接近”与“左右”“上下”“多”“余”不同时使用"
       "（约180人左右，写作约180人或180人左右；近3000多人，写作近3000人或3000多人）；“约”不与“近”“逾”“超过”连用"
       "（大约有近200名）；“逾”“超过”不与“多”“余”“以上”连用（逾2000余批次，写作逾2000批次或2000余批次）；“多”“余”不与“左右”“上下”“以上”连用（1200余人次以上）。")
BASIS = "实务：约数只用一种表示法，“约……左右”“近……多”语义重复（病句类型“成分赘余”）"
FIXTURES = {
    "bad": ["参加对象共约180人左右。", "服务老人近3000多人。", "预计总投资约2600万元左右。", "较上年增长近一倍左右。",
            "其中被采纳的有近200条左右。", "大约两个月左右完成。", "年均增长约3%左右。", "共征集意见约1200余条。",
            "收集意见大约200条上下。", "将近100人左右。", "共有近200余人参加。",
            "现场大约有近200名代表。", "经初步测算，约需资金85万元左右。", "提出意见建议40余条左右。",
            "个别山区村组每年仍有7、8天季节性缺水。", "每年仍有三、四天停水。", "会议分三、四个小组讨论后汇总。", "大约需要资金30万元左右。", "比全省平均水平高出近20个百分点多。", "收集群众意见3000多条上下。", "约近百人参加。", "抽检食品逾2000余批次。", "参训人员超过300多人。", "逾百余人次", "代表满意率近98%多。",
            "共投入资金近1.2亿元多。", "全年开展调研1200余人次以上。", "收集意见300多条以上。", "污水治理率仅为近六成多。"],
    "good": ["参加对象共约180人。", "服务老人3000多人。", "预计总投资2600万元左右。", "近年来，代表履职能力不断提升。",
             "近两年多来，共办理建议300件。", "约请代表左右两侧就座。", "近期将召开主任会议，约10人参加。",
             "约定俗成，近年来左右逢源。", "约3个月后，左右两侧的道路全部完工。", "比上年节约100万元左右。",
             "会场附近200米左右设停车场。", "抽检食品逾2000批次。", "超过300人参加。", "约有200名代表。",
             "超过半数以上的代表", "逾期未办结的3件建议已督办。", "超过2万元的项目，其余多数已完成。",
             "约需资金85万元。", "高出近20个百分点。", "高出20多个百分点。", "提出意见建议40余条。", "每年仍有七八天季节性缺水。", "7、8月份降雨集中。",
             "第7、8条作了修改。", "1、2、3号楼已完工。", "二、三产业增加值", "一、二年级学生", "第三、四项议程", "一、二、三等奖", "抽查了3、5个点位。",
             "约定10人左右参加。", "制约发展的3个因素，左右为难。", "代表满意率近98%。", "满意率达98%，多数代表表示满意。",
             "共投入资金近1.2亿元。", "共投入资金1.2亿元多。", "污水治理率近六成。", "污水治理率六成多。"],
}

BASIS_ADJACENT = ("GB/T 15835-2011《出版物上数字用法》：相邻两个数字并列连用表示的概数用汉字数字（三四个月）；"
                  "GB/T 15834-2011《标点符号用法》顿号：相邻或相近两数字连用表示概数通常不用顿号")
# Found by the first word; the number and what follows are read within a bounded stretch.
NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]{1,8})"
PATTERN = re.compile(rf"(?:(?:大约|大概|约)(?:需要?|计|合计|共|达|有|为)?(?:资金|经费|投资|人数)?|将近|接近|近)[ \t]*{NUMBER}[万亿]?"
                     r"(?:元?(?P<more>多|余)|[\u4e00-\u9fff%％]{0,4}?(?P<around>左右|上下)|(?:个百分点|百分点|倍|成|[%％])(?P<late>多|余))")
# Two words of approximation before one number: 约 (大约, 大概) with 近, 逾 or 超过 after it
# (大约有近200名); or 逾, 超过 with 多 or 余 after the number (逾2000余批次).
TWO_BEFORE = re.compile(rf"(?:大约|大概|约)[ \t]*(?:有|为|是)?[ \t]*(?:将近|接近|近|逾|超过)[ \t]*{NUMBER}")
# 多 or 余 after a number and 左右 or 上下 after its unit (40余条左右, 3000多人上下).
MORE_AROUND = re.compile(rf"(?<![\d.]){NUMBER}[万亿]?(?P<more>多|余)[\u4e00-\u9fff]{{1,2}}?(?P<around>左右|上下|以上)")
# Two neighbouring numbers in Arabic digits joined by a 顿号 as an approximation (7、8天): GB/T
# 15835 writes such a number in Chinese numerals (七八天), and GB/T 15834 puts no 顿号 in it.
# Only units of counting are read: 7、8月 and 二、三产业 are lists.
ADJACENT = re.compile(r"(?<![\d、,，.第十百千零〇一二三四五六七八九])([1-8一二三四五六七八])、([2-9二三四五六七八九])(?![、\d])"
                      r"(天|个|人|次|名|岁|小时|分钟|公里|米|倍|家|件|项|所|户|年(?!级|度))")
OVER = re.compile(rf"(?:逾|超过)[ \t]*{NUMBER}[万亿]?(?P<more>多|余)")  # 超过……以上 is grammar.redundant's
# 约 and 近 end other words (节约、制约、附近、最近): then they say nothing of the number.
NOT_BEFORE = {"约": "节制契签预相特公条邀简婉隐和", "近": "附靠临亲最贴邻"}


def check(draft, ctx):
    yield from _doubled(draft, ctx)
    yield from _adjacent(draft, ctx)
    for para, start, end, m in ctx.scan(PATTERN):
        text = para.text
        word = re.match(r"大约|大概|将近|接近|约|近", m.group()).group()
        if len(word) == 1 and start and text[start - 1] in NOT_BEFORE[word]:
            continue
        tail = m.group("more") or m.group("around") or m.group("late")
        if m.group("more") and text[end:end + 1] in "年月天":
            continue  # 近两年多: the unit comes first; read as a duration, left to the writer
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{word}”与“{tail}”都表示约数，语义重复，保留其一", BASIS)


def _adjacent(draft, ctx):
    numerals = "〇一二三四五六七八九"
    for para, start, end, m in ctx.scan(ADJACENT):
        low, high = (int(g) if g.isdigit() else numerals.index(g) for g in m.group(1, 2))
        if high != low + 1:
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          "相邻两个数字连用表示概数，用汉字数字，中间不用顿号", BASIS_ADJACENT,
                          suggestion=f"{numerals[low]}{numerals[high]}{m.group(3)}")


def _doubled(draft, ctx):
    for para, start, end, m in ctx.scan(MORE_AROUND):
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{m.group('more')}”与“{m.group('around')}”都表示约数，语义重复，保留其一", BASIS)
    for para, start, end, m in ctx.scan(TWO_BEFORE):
        text = para.text
        first = re.match(r"大约|大概|约", m.group()).group()
        if first == "约" and start and text[start - 1] in NOT_BEFORE["约"]:
            continue
        second = re.search(r"将近|接近|近|逾|超过", m.group()).group()
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{first}”与“{second}”都表示约数，语义重复，保留其一", BASIS)
    for para, start, end, m in ctx.scan(OVER):
        word = re.match(r"逾|超过", m.group()).group()
        tail = m.group("more")
        if para.text[end:end + 1] in "年月天":
            continue  # 超过两年多: a length of time, left to the writer
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{word}”与“{tail}”都表示超出某数，语义重复，保留其一", BASIS)
