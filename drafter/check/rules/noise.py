"""noise: residue of a web copy (hidden-text markers, download prompts, source lines, lists)."""

import re

from . import Spans

ID = "noise"
SEVERITY = "error"
DOC = ("网页复制残留：隐藏文字标记、下载或推广提示、来源/作者/发布日期/索引号/阅读次数行、网站名和网址（发文机关的联系网址、邮箱除外）、"
       "“当前位置”导航、上一篇/下一篇、分享和打印按钮（【打印本页】、打印本页 关闭窗口、扫一扫 分享到微信）、【广告】开头的广告、“相关文档”“相关链接”“【相关阅读】”列表、广告、只有一个竖线的行；"
       "也按行的样子认：用 | 或 > 隔开的菜单和导航、页码计数行、文档网站的下载和会员信息、标题后用横线隔开的网站名、栏目名或页码"
       "（……的讲话-党政范文网，…… - 政务公开 - ××局网站，…… - 第1页，……会议日程_人代会日程安排）、行尾的版权声明（版权所有©……）、网站公众号的推广语、"
       "“阅读全文请点击……↓↓↓”“（隐藏内容，剩余2页，下载后可见）”“打开APP阅读全文”之类的提示、网页列出的其他文章、"
       "标题行末尾残留的文件扩展名（……的通知.doc；“附件”行除外）；"
       "也按用词认：不成句的短行或括注里用了网站口吻的词（范文、展开全文、会员、小编之一，再加扫码、下载、更多、仅供参考之类），"
       "或不提本单位的短行里有四个这样的词（词表见词库的 residue/，可在自己的词库中增加或停用）。"
       "整段都是残留的（如“上一篇：……”“版权所有：……”），--fix 删除这一段；夹在句中的只报告，不自动删。")
BASIS = "实务：从网页复制的文稿须清除网站附加内容"
FIXABLE = True  # only a finding that covers its whole paragraph carries a fix: deleting it
FIXTURES = {
    "bad": ["---此处隐藏3607字,下载后查看---", "预览阅读已结束，若您需要全文或代笔。", "来源：网友投稿",
            "您可能感兴趣的文稿", "- 11-14水利局2024年工作总结汇编(4篇)", "请点击👉 mooonya 👈联系老师",
            "|", "当前位置：首页 > 讲话致辞 > 人大讲话", "人大公文网 www.rdgwang.cn",
            "在推进会上的讲话 字号：大 中 小", "【字体：大 中 小】　【打印本页】", "字体：[大] [中] [小]", "上一篇：镇人大主席团工作报告", "共听取报告16个（来自www.fanwen123.com），",
            "以上就是小编为大家整理的讲话稿，希望对您有所帮助。", "（本文已被浏览2,315次）", "免费下载 | 收藏 | 举报",
            "猜你喜欢\n区人大常委会主任在代表培训会上的讲话", "关于做好代表工作的通知_人大工作_公文范文网",
            "编辑：刘洋 审核：张伟", "（本文由网友投稿，仅供参考）", "需要完整版请联系客服微信：gwxz2026",
            "网站首页 > 工作动态 > 代表风采", "通知公告 > 正文", "首页 | 机构设置 | 工作动态 | 联系我们",
            "延伸阅读：代表建议办理情况 | 人大代表风采", "关于召开主任会议的通知 - 某某文库",
            "镇人大工作总结范文5篇 | 公文站", "第2页 / 共5页 下一页", "—— 第1页 共3页 ——",
            "会员专享文档 开通VIP 全站资料免费下载", "关于举办培训班的通知 发布日期：2026-05-06 阅读：35",
            "【责任编辑：张三】", "·关于做好代表建议办理工作的通知",
            "版权所有 © 2026 文稿网 All Rights Reserved", "Copyright © 文档之家 版权所有",
            "文档之家 > 公文范文 > 工作报告 > 人大工作报告", "文档格式:DOCX  页数:6  下载次数:238",
            "本文共计4216字，预计阅读时间11分钟", "温馨提示：本文为会员专享文档，开通VIP即可免费下载全文",
            "工作报告.docx　　第1页/共7页　　↓下载本文档", "1. 人大代表建议办理工作总结（通用5篇）",
            "在作风建设大会上的讲话-党政范文网", "开幕式主持词（通用版）-主持词大全",
            "关于第108号代表建议的答复 - 政务公开 - 江陵市住房和城乡建设局网站", "2025年工作总结（2026年1月） - 第1页",
            "扫码关注“党政范文网”公众号，每日更新讲话稿", "关注我们的公众号，每日更新精彩范文", "本文完。　　版权所有©某某网",
            "阅读全文请点击下方“阅读原文”　↓↓↓", "（隐藏内容，剩余2页，下载后可见）", "……（剩余1200字，登录后阅读全文）",
            "（本文共3页，当前第2页）", "更多优秀范文，请搜索“某某文库”小程序",
            "本文来源于网络，如有侵权请联系删除。", "转载请注明出处。", "点击上方蓝字关注我们",
            "打印本页 关闭窗口", "柳河镇第十八届人民代表大会第三次会议日程_人代会日程安排", "本文档共6页，当前显示前2页",
            "【广告】讲话稿写作培训班火热招生中", "扫一扫 分享到微信", "打开APP阅读全文", "扫一扫在手机打开当前页", "某某省人大网 >> 通知公告",
            "县人大常委会主任在代表小组活动上的讲话稿 第1页 共2页",
            "关于开展2026年度县人大代表集中视察活动的通知.doc", "【精品】关于召开代表座谈会的通知.docx",
            "本文系网友原创分享，仅供参考，更多内容请访问本站", "（以下内容已隐藏，开通会员后可阅读）",
            "领取更多讲话范文，请关注我们", "发布日期：2025-07-09  来源：某某市人大常委会办公室",
            "索引号：001382-0302-2026-00317　发布机构：省交通运输厅", "相关链接：区人大常委会召开第三十二次主任会议",
            "【相关阅读】省交通运输厅召开全省农村公路养护工作会议"],
    "good": ["要加强人大代表联络站建设，打造一站一品。", "更多代表履职资料，请登录市人大常委会网站查阅。",
             "发布机构要及时更新信息。", "相关链接的说明见附件。",
             "本报告共3页，当前第2页为附表。", "资金来源：区级财政预算安排。",
             "11月14日，常委会召开会议。", "收入|支出", "织密人大监督网",
             "联系电话：0731-88886666，电子邮箱：hyrd@163.com。", "网址：www.xxrd.gov.cn",
             "请登录市人大常委会网站（www.hyrd.gov.cn）提交。", "作者要深入基层，时间要安排好。",
             "相关文档已印发各单位。\n请认真学习。", "会议审议了《关于修改〈代表法〉的决定（草案）》。",
             "提出建议→交办→办理→答复", "会议文档请登录系统下载。", "请各位代表扫码关注“清河人大”微信公众号，下载履职APP。",
             "增长率 > 5%", "关于召开县十八届人大常委会第二十次会议的通知 - 征求意见稿",
             "·会议听取了县人民政府的报告，审议了有关事项。", "一、会议时间 2026年3月5日上午9时",
             "相关文档已印发各单位。\n请认真学习。", "机密★1年", "会议审议了《关于修改〈代表法〉的决定（草案）》。",
             "版权所有的作品受著作权法保护。", "收入 > 支出", "共印发文件5篇。", "页数较多的文件要装订成册。",
             "《恒阳县国民经济和社会发展第十五个五年规划纲要（2026-2030年）》", "附件1-报名回执",
             "关注“恒阳人大”公众号，及时了解人大工作动态。", "第三部分 - 第2节", "南水北调中线-汉江生态经济带",
             "数据来源 - 县统计局网站", "依法保护知识产权，对侵权行为依法查处。", "点击上方的按钮提交。", "欢迎关注“恒阳人大”微信公众号，获取更多履职信息。",
             "请各单位于5月10日前报送以下材料，含工作总结 - 佐证资料",
             "附件：报名表.doc", "请下载履职APP，及时查看会议通知。", "以上意见仅供参考。",
             "2. 扫码关注“清河人大”公众号，下载履职APP后登录查看", "（全文见附件，请登录系统下载）"],
}

SPACE = r"[ \t　]*"
BUTTON = r"(?:免费下载|下载[ \t　]*(?:[Ww]ord|PDF|pdf)?[ \t　]*文档|在线阅读|收藏|举报|分享|打印|纠错)"
PAGE_BUTTON = r"打印本页|关闭窗口|返回顶部|加入收藏|收藏本页|打印此页|关闭本页"
PATTERNS = [
    (re.compile(r"此处隐藏[ \t　]*\d+[ \t　]*字[^\n-]*-*"), "隐藏文字标记"),
    # a prompt takes in the rest of its sentence: 预览阅读已结束,若您需要全文……
    (re.compile(r"(?:下载后(?:查看|可见|阅读)|预览阅读已结束|若您需要全文|请点击.{0,12}(?:下载|联系|查看全文)"
                r"|隐藏内容[ \t　]*[，,：:]|剩余[ \t　]*\d+[ \t　]*[页字][ \t　]*[，,]|登录后(?:阅读|查看)(?:全文|原文)"
                r"|(?:阅读|查看|展开)(?:全文|原文)[ \t　]*请?点击|(?:打开|下载|进入)[ \t　]*(?:APP|App|app|客户端)[ \t　]*(?:阅读|查看|看)(?:全文|原文|更多)|点击.{0,12}(?:阅读原文|阅读全文|展开全文)|[↓⬇]{2,}"
                r"|点击.{0,12}(?:下载|联系|查看全文)|联系老师|代写代笔|(?:需要|获取)(?:完整版|全文|原文)|联系客服)"
                r"[^。！!\n]{0,60}[。！!]?"), "下载或推广提示"),
    # Lines that are residue as a whole: one pass for the kinds, told apart by group.
    (re.compile(rf"^(?:(?P<source>(?:文章)?(?:来源|作者|更新时间|发布时间|发布日期|发布机构|索引号|责任编辑|编辑|审核|文档贡献者|上传者|浏览次数|阅读次数|阅读量|点击量|浏览量"
                rf"|文档格式|文档大小|页数|下载次数|上传时间|下载积分|相关链接)"
                rf"{SPACE}[:：].*|本文共计?{SPACE}[\d,，]+{SPACE}字[^\n]{{0,30}}|[^\n。！？]{{0,40}}第\d+页[/／]共\d+页[^\n。！？]{{0,30}}"
                rf"|温馨提示{SPACE}[:：][^\n]{{0,40}}(?:下载|会员|VIP|vip|登录)[^\n]{{0,40}})"
                r"|(?P<heading>(?:您可能感兴趣的|相关文档|相关推荐|相关阅读|阅读排行|推荐文稿|猜你喜欢|热门文章)[^。！？，,\n]{0,12})"
                r"|(?P<item>[-•·][ \t　]*\d{2}-\d{2}.*)"
                rf"|(?P<crumb>(?:当前位置|您的位置|你的位置|您现在的位置){SPACE}[:：].*|首页{SPACE}[>＞»›].*"
                rf"|(?:[^>＞»›\n。！？，]{{1,16}}{SPACE}[>＞»›]{SPACE}){{2,}}[^>＞»›\n。！？，]{{1,20}})"
                rf"|(?P<nav>(?:上一篇|下一篇|分享到|版权声明|免责声明|版权所有|备案号){SPACE}[:：].*"
                r"|【(?:相关阅读|相关链接|相关文档|相关新闻|延伸阅读|推荐阅读)】.*"
                rf"|(?:版权所有|[Cc]opyright|COPYRIGHT|©)[ \t　©]*[^\n。！？]{{0,60}})"
                rf"|(?P<related>(?:\d{{1,2}}[.、．]|[-•·])?{SPACE}[^\n。！？]{{2,40}}[（(](?:通用|精选|优选|汇编|合集)?\d{{1,2}}篇[）)])"
                r"|(?P<bar>[ \t　]*[|｜¦][ \t　]*)"
                r"|(?P<site>[^\n。！？，,：:]{0,24}(?:https?://|www\.)[A-Za-z0-9./?=&_%-]+[^\n。！？，,]{0,24}))$", re.M),
     {"source": "来源/作者/阅读次数行", "heading": "“相关文档”等列表标题", "item": "“相关文档”列表条目",
      "crumb": "“当前位置”导航行", "related": "“相关文档”列表条目", "nav": "上一篇/下一篇、分享、版权声明行", "bar": "单独的“|”行",
      "site": "网站名和网址行"}),
    # Residue a page puts beside the text, on the title's line or inside a sentence.
    # a page's text-size chooser, its sizes bracketed or not: 字号：大 中 小, 【字体：大 中 小】, 字体：[大] [中] [小]
    (re.compile(rf"[【\[]?(?:字号|字体){SPACE}[:：]{SPACE}[【\[]?大[】\]]?{SPACE}[【\[]?中[】\]]?{SPACE}"
                rf"[【\[]?小[】\]]?[】\]]?|【(?:打印本页|关闭窗口|打印|关闭|返回顶部|加入收藏)】"
                rf"|扫一扫{SPACE}(?:在手机上?|用手机)?(?:阅读|打开|查看)(?:当前页|本页|本文|全文)?|手机扫码阅读|扫一扫{SPACE}分享(?:到|至)[^\n。！？，,]{{0,12}}"
                # a page's buttons without brackets, two or more in a row: 打印本页 关闭窗口
                rf"|(?:{PAGE_BUTTON})(?:{SPACE}(?:{PAGE_BUTTON}))+"
                # an advertisement a page puts in a line: 【广告】……研修班火热报名中，扫码咨询
                r"|【(?:广告|推广|赞助)】[^\n]{0,60}"
                rf"|作者{SPACE}[:：][^\n：:]{{0,12}}?[ 　]+(?:时间|日期|发布时间){SPACE}[:：][\d\-/: ]+"
                rf"|{BUTTON}(?:[ \t　]*[|｜][ \t　]*{BUTTON})+"
                r"|[（(]本文已被(?:浏览|阅读)[\d,，]+次[）)]"
                r"|【(?:精品文档|精品|推荐|原创|热门|范文|免费下载|免费|最新|完整版)[^】\n]{0,6}】"
                r"|[（(][^）)\n]{0,4}(?:[Ww]ord|WORD|doc|DOC)[^）)\n]{0,8}[）)]|[（(][^）)\n]{0,6}可编辑[）)]"
                r"|[（(]本文由[^）)\n]{0,30}[）)]|[（(](?:来源|更新时间|发布时间)[:：][^）)\n]{0,60}[）)]"
                r"|(?:_[^_\s，。]{1,12}){1,4}(?:网|文库)(?=[ \t　]*(?:\n|$))|[\u4e00-\u9fff]{0,3}ICP备\d+号"),
     "网页按钮和阅读信息"),
    # A site's own notices about the copy: 如有侵权请联系删除, 转载请注明出处, 点击上方蓝字关注我们
    (re.compile(r"(?:如有侵权|若有侵权|如涉及侵权)[^。！\n]{0,20}?(?:删除|联系)[^。！\n]{0,12}[。！]?"
                r"|(?:转载请注明|欢迎转载)[^。！\n]{0,16}[。！]?|点击上方[^。！\n]{0,8}关注[^。！\n]{0,16}[。！]?"),
     "网站的版权和推广提示"),
    (re.compile(r"以上就是小编[^。！\n]{0,40}[。！]?(?:希望对(?:您|你|大家)有所帮助[。！]?)?"
                r"|更多精彩内容[^，。\n]{0,8}关注[^，。\n]{0,30}[，,]?|={2,}[^=\n]{0,30}整理={2,}"
                # 更多精品讲话稿，请搜索“某某”小程序: a site points at more of its texts
                r"|更多(?:精品|精彩|优秀|实用|好)?[^，。！\n]{0,6}(?:范文|讲话稿|文章|资料|文稿|文档|好文)[，,：: \t　]*"
                r"请?(?:搜索|关注|访问|下载|点击)[^。！\n]{0,24}[。！]?"),
     "网站的推广语"),
    # A page counter of a web or library copy: （本文共2页，当前第1页）
    (re.compile(r"(?:[（(](?:本文)?|本文档?)共[ \t　]*\d+[ \t　]*页[，,、 \t　]*当前(?:为|显示)?(?:第|前)[ \t　]*\d+[ \t　]*页[）)]?"
                r"|[（(]?当前(?:为)?第[ \t　]*\d+[ \t　]*页[，,/／ \t　]*共[ \t　]*\d+[ \t　]*页[）)]?"),
     "页码计数"),
    # A follow-us prompt of a site: the account is a site's (its name ends 网/文库/范文…) or the
    # prompt promises the site's service (每日更新, 免费领取, 回复…领取); an office's own
    # account in a notice (扫码关注“清河人大”微信公众号，下载履职APP。) is neither.
    (re.compile(r"(?:扫码|扫描二维码|长按识别二维码|长按二维码)?关注[ \t　]*[“\"「]?[^\n。！？，,“”\"「」]{0,16}"
                r"(?:网|网站|文库|范文|大全|文档|资料库?)[”\"」]?(?:微信)?公众号[^\n。！？ \t　]{0,30}"
                r"|(?:扫码|扫描二维码|长按识别二维码|长按二维码)?关注[^\n。！？]{0,24}公众号[，,：:　 \t]*"
                r"(?:每日更新|每天更新|免费领取|回复[^\n。！？]{0,10}(?:领取|获取|下载))[^\n。！？ \t　]{0,30}"),
     "网站的推广语"),
    # A site's footer after the text on the same line: “……　　版权所有©党政范文网”, “© 2026 某某网”
    (re.compile(r"(?:版权所有[ \t　]*[©:：]|©|[Cc]opyright[ \t　]*(?:©|\(c\)|\d{4}))[^\n。！？；]{0,40}$", re.M),
     "版权声明"),
    # ★ after a 密级 is GB/T 9704-2012 7.2.2's separator of the 保密期限 (机密★1年), not residue
    (re.compile(r"(?:[\U0001F300-\U0001FAFF\u2600-\u2604\u2606-\u27BF]|(?<![秘机绝]密)\u2605)+"), "广告符号"),
    (re.compile(r"(?:本文来自|本文来源|本文转载自|本文摘自|来自|转载自|摘自|来源于)[ \t　]*[:：]?[ \t　]*[^，。,（）()\n]{0,12}"
                r"(?:网|网站|文库|公众号)[，,]?"),
     "插入句中的网站名"),
    # a file name's extension left at the end of a title line copied from a library page:
    # 关于召开……的通知.doc (an 附件 line may name a file, so it is left alone)
    (re.compile(r"^(?!附件)[^\n。！？；]{4,60}?(?<=[\u4e00-\u9fff）)》])(\.(?:docx?|DOCX?|wps|WPS|pdf|PDF|txt))$", re.M),
     "文件扩展名"),
    (re.compile(r"(?:https?://|www\.)[A-Za-z0-9./?=&_%-]+|\.(?:com|cn|net|org)(?:\.cn)?\b"),
     "插入句中的网址"),  # a domain is found by its ending; _widen takes in the name before it
]
# A notice gives its own contact: 联系电话, 电子邮箱 abc@rd.gov.cn, 网址 www.xxrd.gov.cn. An
# address is no residue when such a word stands before it in its clause, or when it is an e-mail.
CONTACT = re.compile(r"网址|网站|主页|邮箱|电子邮件|邮件|[Ee]-?mail|电话|传真|联系|登录|访问|投稿|报名|提交|发送|发至")
CLAUSE_START = re.compile(r"[，,。；;！？!?]")
URL = re.compile(r"https?://|www\.|[A-Za-z0-9-]+\.(?:com|cn|net|org)")
ADDRESS_KINDS = ("site", "插入句中的网址")


def _contact(text: str, start: int) -> bool:
    """Whether the address at ``start`` is a contact the draft gives (see CONTACT)."""
    if "@" in text[max(0, start - 64):start + 1]:
        before = text[max(0, start - 64):start]
        if re.search(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]*$", before):
            return True
    head = text[max(0, start - 20):start]
    cut = max((m.end() for m in CLAUSE_START.finditer(head)), default=0)
    return bool(CONTACT.search(head[cut:]))


# Patterns start with a literal or a small character class, so that re can skip ahead
# quickly over a long draft; the marks around a match are taken in by _widen.
EDGES_LEFT, EDGES_RIGHT = "-（( \t　", "-）) \t　"
DOMAIN = re.compile(r"[A-Za-z0-9-]+$")


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a domain's name (fanwen.com), and the dashes and brackets a site wraps its
    insertions in: ---……---, （……）."""
    if text[start] == ".":
        name = DOMAIN.search(text, max(0, start - 63), start)
        if not name:
            return start, start  # “.com” after no name: not a web address
        start = name.start()
    while start > 0 and text[start - 1] in EDGES_LEFT and (text[start - 1] != " " or text[start - 2:start - 1] in "-"):
        start -= 1
    while end < len(text) and text[end] in EDGES_RIGHT and (text[end] != " " or text[end + 1:end + 2] in "-"):
        end += 1
    return start, end


def check(draft, ctx):
    lists: set[int] = set()  # paragraphs that are a list's heading or item (相关文档, 猜你喜欢 …)
    whole: set[int] = set()  # paragraphs a pattern already reported as residue from end to end
    shaped: set[int] = set()  # paragraphs _site_lines reported as residue from end to end
    found = list(_site_lines(draft, ctx, shaped, lists))
    found += [f for f in _patterns(ctx, lists, whole) if f.paragraph not in shaped]
    found += [f for f in _list_items(draft, ctx, lists, whole) if f.paragraph not in shaped]
    yield from found
    yield from _scored(draft, ctx, found)


# The words of a site's own voice are data (glossary/residue/*.yaml, Glossary.voice): a strong one is
# never a draft's about itself (范文, 展开全文, 小编); a weak one may be (下载, 关注, 公众号: 请扫码关注
# 本会公众号), so it counts only beside another.
SHORT_LINE, SHORT_NOTE = 80, 40  # characters: a line, a bracketed note that is looked at as a whole
NOTE = re.compile(r"[（(][^（）()\n]{2,%d}[）)]" % SHORT_NOTE)


def _voice(text: str, voice) -> tuple[int, int, object]:
    """How many strong and how many weak words of a site's voice ``text`` holds (each once; the
    全文 of 展开全文 is not counted again), and the group of the first strong word found, else of
    the first weak one."""
    strong_words, weak_words, _ = voice
    rest, strong, group = text.upper(), 0, None  # VIP, vip; WWW., www.
    for word, owner in strong_words:
        if word in rest:
            strong, group = strong + 1, group or owner
            rest = rest.replace(word, "|")
    weak = [owner for word, owner in weak_words if word in rest]
    return strong, len(weak), group or (weak[0] if weak else None)


def _scored(draft, ctx, found):
    """Residue no pattern names, told by its words: a short line that is not a sentence, or a
    bracketed note, speaking as a site does — a strong word of a site's voice and another, or
    four weak ones in a line that names no office (本文由……用户上传分享，仅供参考; 扫码关注公众号，领取更多公文范文 >>)."""
    voice = ctx.glossary.voice()
    if not voice[0] and not voice[1]:
        return
    office = voice[2]
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        taken.setdefault(f.paragraph, []).append((f.offset, f.offset + len(f.match)))
    for para in draft.paragraphs:
        text, spans = para.text, Spans(taken.get(para.number, []))
        pieces = [(m.start(), m.end()) for m in NOTE.finditer(text)]
        if len(text) <= SHORT_LINE and not text.rstrip().endswith(("。", "；", "：", ":", "？", "！")):
            pieces.insert(0, (0, len(text)))
        for start, end in pieces:
            if spans.overlaps(start, end):  # already found by a pattern
                continue
            strong, weak, group = _voice(text[start:end], voice)
            line = (start, end) == (0, len(text))
            if strong and strong + weak >= 2 or line and weak >= 4 and not any(w in text for w in office):
                yield _residue(ctx, para, start, end, "网站的推广和阅读提示", group.basis)
                break


def _residue(ctx, para, start: int, end: int, kind: str, basis: str = BASIS):
    """A finding of residue; one that covers its whole paragraph is fixed by deleting the
    paragraph (suggestion ""), residue inside a sentence is left to the writer (no suggestion)."""
    whole = start == 0 and end == len(para.text)
    return ctx.finding(ID, SEVERITY, para, start, end, f"网页复制残留（{kind}），应删除", basis,
                       suggestion="" if whole else None)


def _list_items(draft, ctx, lists: set[int], whole: set[int]):
    """The titles a site lists under 相关文档 or 猜你喜欢, with or without a bullet or a date: short
    lines with no sentence in them, up to the first line that is a sentence. A line a pattern
    has reported whole (上一篇：…… after the list) is not reported a second time."""
    in_list = False
    for para in draft.paragraphs:
        if para.number in lists:
            in_list = True
            continue
        text = para.text
        if in_list and len(text) <= 60 and not any(ch in text for ch in "。！？!?；;") and not text.endswith("："):
            if para.number not in whole:
                yield _residue(ctx, para, 0, len(text), "“相关文档”列表条目")
            continue
        in_list = False


def _patterns(ctx, lists: set[int], whole: set[int]):
    taken: set[int] = set()  # positions already reported by an earlier pattern
    for pattern, what in PATTERNS:
        for para, start, end, m in ctx.scan(pattern):
            # a pattern with one plain group reports the group; the rest of its match is context
            lone = bool(m.lastindex) and not isinstance(what, dict)
            low, high = m.span(1) if lone else m.span()
            if any(p in taken for p in range(low, high)):
                continue
            taken.update(range(low, high))
            if lone:
                start, end = start + low - m.start(), start + high - m.start()
            else:
                start, end = _widen(para.text, start, end)
            if start == end:
                continue
            kind = what[m.lastgroup] if isinstance(what, dict) else what
            if m.lastgroup in ("heading", "item", "related"):
                lists.add(para.number)
            if (m.lastgroup if isinstance(what, dict) else what) in ADDRESS_KINDS:
                url = URL.search(para.text, start, end)
                if _contact(para.text, url.start() if url else start):
                    continue
            if start == 0 and end == len(para.text):
                whole.add(para.number)
            yield _residue(ctx, para, start, end, kind)


# What a web page puts around a text, told by the shape of a line rather than by its phrases:
# a menu or a breadcrumb (short items between | or >), a title line with the site's name after
# it, a page counter, a line of a document site's own words, a bulleted list of other pages.
# Only whole lines (or a title line's tail) are taken: the sentences of a draft never qualify.
SENTENCE = re.compile(r"[。；;！？!?，,]")
MENU_SEP = re.compile(r"[ \t　]*(?:[|｜¦]|>>|[>＞»›▶►])[ \t　]*")
CRUMB_END = re.compile(r"^(?:.{0,4}首页|正文)$")
LIST_HEAD = re.compile(r"^(?:相关文档|相关推荐|热门推荐|相关阅读|推荐阅读|延伸阅读|相关文章|热门文章|猜你喜欢|您可能感兴趣的文章|精彩推荐)"
                       r"[ \t　]*[:：]?")
BULLET = re.compile(r"^[·•▪◆◇►▶][ \t　]*\S")
# A document site's vocabulary: two different words of it in a line without a sentence (three
# in one that ends as a sentence) make the line the site's, not the draft's.
SITE_WORDS = re.compile(r"范文|文库|文档|下载|[Vv][Ii][Pp]|积分|会员|开通|上传|收藏|举报|返回顶部|获取更多|页数|原创力|豆丁|浏览次数|点击数")
# A title line's tail naming the site: “…的讲话_范文大全”, “… - 原创力文档”, “… | 公文派”.
SITE_TAIL = re.compile(r"(?:[ \t　]+[-–—|｜][ \t　]*|_)([\u4e00-\u9fffA-Za-z0-9]{2,10})"
                       r"((?:[ \t　]*(?:第[ \t　]*\d+[ \t　]*页|共[ \t　]*\d+[ \t　]*页|/))*)[ \t　]*$")
SITE_NAME = re.compile(r"(?:网|网站|文库|文档|大全|范文|资料|百科|论坛|频道)$")
PAGE_COUNTER = re.compile(r"^[-—–=~·\s]*(?:(?:当前)?第[ \t　]*\d+[ \t　]*页|共[ \t　]*\d+[ \t　]*页|上一页|下一页|首页|尾页|[/|｜])"
                          r"(?:[ \t　/,，|｜]*(?:(?:当前)?第[ \t　]*\d+[ \t　]*页|共[ \t　]*\d+[ \t　]*页|上一页|下一页|首页|尾页))+[-—–=~·\s]*$")
# A title line's trailer of fields: “…的通知 发布日期：2026-05-06”, “… 发布者：县人大办 阅读：58”.
FIELDS = re.compile(r"[ \t　]+((?:来源|作者|发布者|发布人|发布日期|发布时间|更新时间|阅读|阅读次数|阅读量|浏览次数|浏览量|点击数|点击量|访问量)"
                    r"[ \t　]*[:：][^。；;！？!?，,\n]{0,60})$")
# A page counter after a title (……的讲话稿 第1页 共2页): a printout of a web page or a document site.
COUNTER_TAIL = re.compile(r"[ \t　]+(?:第[ \t　]*\d+[ \t　]*页[ \t　]*[/／,，]?[ \t　]*共[ \t　]*\d+[ \t　]*页"
                       r"|共[ \t　]*\d+[ \t　]*页[ \t　]*[/／,，]?[ \t　]*第[ \t　]*\d+[ \t　]*页)[ \t　]*$")
EDITOR = re.compile(r"【(?:责任编辑|编辑|审核|校对|来源|作者|发布者)[ \t　]*[:：][^】\n]{0,30}】")
LONGEST = 200  # a residue line is short; longer lines are text


def _menu(text: str) -> bool:
    """Short items between | or > (a site's menu, a breadcrumb, a list of links on one line)."""
    parts = MENU_SEP.split(text)
    if len(parts) < 2 or any(not p or len(p) > 60 or SENTENCE.search(p) for p in parts):
        return False
    angled = any(s.strip() in (">", ">>", "＞", "»", "›", "▶", "►") for s in MENU_SEP.findall(text))
    if len(parts) >= 3:
        return True
    # two items: a crumb ending in 正文 or starting at a home page or a site (某某人大网 >> 通知公告),
    # or a heading's list
    return angled and (bool(CRUMB_END.match(parts[0])) or bool(CRUMB_END.match(parts[-1]))
                       or bool(SITE_NAME.search(parts[0]))) \
        or bool(LIST_HEAD.match(text)) or len(set(SITE_WORDS.findall(text))) >= 1


def _site_line(text: str) -> str | None:
    """What kind of residue a whole line is, or None when it is text."""
    if len(text) > LONGEST:
        return None
    if LIST_HEAD.match(text) and not SENTENCE.search(text[:LONGEST]):
        return "“相关文档”列表"
    if _menu(text):
        return "导航或链接列表"
    if PAGE_COUNTER.match(text):
        return "页码计数行"
    words = set(SITE_WORDS.findall(text))
    if len(words) >= 3 or (len(words) >= 2 and not text.rstrip().endswith(("。", "！", "？"))):
        return "文档网站的下载、会员或推广信息"
    if BULLET.match(text) and len(text) <= 60 and not SENTENCE.search(text):
        return "网站列出的其他文章"
    return None


# The separators a page title puts before its site's or column's name: a spaced dash or bar
# (“…的答复 - 政务公开 - 某某局网站”), or a bare dash right after a title's last character
# (“…的讲话-党政范文网”, “…主持词（通用版）-主持词大全”); never a dash between digits (2021-2025).
TITLE_SEP = re.compile(r"[ \t　]+[-–—|｜][ \t　]*|(?<=[\u4e00-\u9fff）)》」])[-–—][ \t　]*")
SEGMENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,20}")
BARE_SITE = re.compile(r"(?:网|网站|文库|大全|范文)$")  # after a bare dash, only a site's own name
PAGE_TAIL = re.compile(r"第[ \t　]*\d+[ \t　]*页(?:[ \t　/／]*共[ \t　]*\d+[ \t　]*页)?")
TITLE = 8  # the shortest page title taken before a site's name
COLUMN = 8  # a column's name between the title and the site's (政务公开, 通知公告) is short


def _site_tail(text: str) -> tuple[int, str] | None:
    """Where a title line's tail of site residue starts, and what it is: the site's name (with
    the columns before it) or a page number after a dash. None when the line ends otherwise."""
    seps = list(TITLE_SEP.finditer(text))
    if not seps or seps[0].start() < TITLE:  # “数据来源 - 县统计局网站” names a source, no title before it
        return None
    if SENTENCE.search(text, 0, seps[0].start()):
        return None  # a sentence before the dash is text, not a page title
    last = seps[-1]
    tail = text[last.end():].rstrip()
    if PAGE_TAIL.fullmatch(tail):
        return last.start(), "网页标题后的页码"
    if not SEGMENT.fullmatch(tail):
        return None
    bare = not last.group()[0].isspace()
    if not (BARE_SITE if bare else SITE_NAME).search(tail):
        return None
    start = last.start()
    for sep in reversed(seps[:-1]):  # columns between the title and the site: “ - 政务公开”
        column = text[sep.end():start].strip(" \t　")
        if not (2 <= len(column) <= COLUMN and SEGMENT.fullmatch(column)):
            break
        start = sep.start()
    return start, "网页标题后的网站或栏目名"


FIELD_LINE = re.compile(r"^(?:文章)?(?:来源|作者|发布者|发布人|发布日期|发布时间|更新时间|阅读|浏览|点击|编辑|责任编辑)")


def _site_lines(draft, ctx, whole: set[int], lists: set[int]):
    """Residue told by a line's shape (see SITE_WORDS and the patterns above it). A whole line
    carries the suggestion to delete it; the tail of a title line is left to the writer."""
    for para in draft.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        lead = len(para.text) - len(para.text.lstrip())
        kind = _site_line(text)
        if kind:
            whole.add(para.number)
            if kind == "“相关文档”列表":
                lists.add(para.number)
            yield ctx.finding(ID, SEVERITY, para, lead, lead + len(text), f"网页复制残留（{kind}），应删除", BASIS,
                              suggestion="")
            continue
        tail = SITE_TAIL.search(text) if len(text) <= LONGEST else None
        # a short head names a source (数据来源 - 县统计局网站), a sentence is text: neither is a page title
        tail = tail if tail and tail.start() >= TITLE and not SENTENCE.search(text, 0, tail.start()) else None
        site = _site_tail(text) if len(text) <= LONGEST else None
        if site is not None and not (tail and (SITE_NAME.search(tail.group(1)) or "范文" in text[:tail.start()])):
            start, kind = site
            yield ctx.finding(ID, SEVERITY, para, lead + start, lead + len(text), f"网页复制残留（{kind}），应删除",
                              BASIS, suggestion=None)
            continue
        if tail and tail.group().startswith("_") and not tail.group(2) and not SENTENCE.search(text):
            # a page title joins its column's name with a bare underscore (……会议日程_乡镇人代会日程安排);
            # a draft never puts “_” between words
            yield ctx.finding(ID, SEVERITY, para, lead + tail.start(), lead + len(text),
                              "网页复制残留（网页标题后的栏目名），应删除", BASIS, suggestion=None)
            continue
        if tail and (SITE_NAME.search(tail.group(1)) or "范文" in text[:tail.start()]):
            # a 范文 page's title is residue as a whole; else only the site's name after the title
            start = 0 if "范文" in text[:tail.start()] else tail.start()
            if start == 0:
                whole.add(para.number)
            yield ctx.finding(ID, SEVERITY, para, lead + start, lead + len(text), "网页复制残留（网页标题中的网站名），应删除",
                              BASIS, suggestion="" if start == 0 else None)
            continue
        cut = max(0, len(text) - 120)  # a trailer of fields is looked for in a line's tail only
        trailer = () if FIELD_LINE.match(text) else FIELDS.finditer(text, cut)  # a line of fields is _patterns'
        for m in (*trailer, *EDITOR.finditer(text)):
            yield ctx.finding(ID, SEVERITY, para, lead + m.start(), lead + m.end(),
                              "网页复制残留（来源/作者/阅读次数），应删除", BASIS,
                              suggestion="" if m.start() == 0 and m.end() == len(text) else None)
        page = COUNTER_TAIL.search(text, cut)
        if page and page.start() > 0:
            yield ctx.finding(ID, SEVERITY, para, lead + page.start(), lead + page.end(),
                              "网页复制残留（标题后的页码计数），应删除", BASIS, suggestion=None)
