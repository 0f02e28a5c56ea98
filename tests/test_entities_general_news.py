"""Entities of general and international news: the forms sweeps 20 to 28 (general-news and topic CCTV
articles of 2012-2026 outside every set, tests/sweeps/read.tsv) and the tuned-on tune15 and tune16
found wrong, on their own sentences."""
import pytest

from test_entities import entities, entity_names


@pytest.mark.parametrize("text, people", [
    # a foreign name with one character foreign names rarely hold, before a title (范: tune15 xwlb_50870)
    ("栗战书说，习近平主席和范德贝伦总统就中奥建交50周年互致贺电。",
     [("栗战书", [], None), ("习近平", ["主席"], None), ("范德贝伦", ["总统"], None)]),
    # …not when that character ends the name and may open the title (阿罗约 + 众议长)
    ("习近平主席将会见阿罗约众议长。", [("习近平", ["主席"], None)]),
    # 余 and 万 are numerals to the dictionary, surnames after a title (tune15 xwlb_42361)
    ("在武汉大学人民医院，主任医师余追端午节期间坚守在岗位。",
     [("余追", ["主任医师"], "武汉大学人民医院")]),
    # a leader of two characters after a title, where the model read 韩 as Korea (xwlb_73647)
    ("国家副主席韩正在北京出席大会。", [("韩正", ["国家副主席"], None)]),
    # a name jieba and the model call a place, before a title (xwlb_16657, xwlb_21562)
    ("应奥巴马总统邀请，国家主席习近平将访问美国。", [("奥巴马", ["总统"], None), ("习近平", ["国家主席"], None)]),
    # a foreign double name joined by a full-width hyphen (xwlb_33149)
    ("伊拉克总理阿卜杜勒－迈赫迪当天表示。", [("阿卜杜勒－迈赫迪", ["总理"], "伊拉克")]),
    # a verb opens no title (授权, 召见: xwlb_26515, xwlb_29102)
    ("议会授权总理阿巴迪采取一切措施。", [("阿巴迪", ["总理"], None)]),
    ("外交部召见英国驻俄罗斯大使布里斯托。", [("布里斯托", ["英国驻俄罗斯大使"], None)]),
    # another person's name before 代表 makes it a verb, no title of the next name (xwlb_3125)
    ("马特维延科代表普京总统授予他勋章。", [("普京", ["总统"], None)]),
    # 总书记 before 系列讲话 (a measure word) is the title (xwlb_18347)
    ("贯彻习近平总书记系列重要讲话精神。", [("习近平", ["总书记"], None)]),
    # a conjunction after a title opens no name (习近平主席同 + 莫迪总理)
    ("今天，习近平主席同莫迪总理进行了富有成果的会谈。", [("习近平", ["主席"], None), ("莫迪", ["总理"], None)]),
    # a body a verb of meeting opens is the verb's, not the titled person's (xwlb_57802, xwlb_21562)
    ("美国国务院随后就此事召见俄驻美大使安东诺夫。", [("安东诺夫", ["俄驻美大使"], None)]),
    ("出席联合国大会的阿巴斯总统表示。", [("阿巴斯", ["总统"], None)]),
    # ... but a verb of going there keeps the unit of the leader visited (tests/data/extra p30)
    ("呼和浩特市公安局交管支队特勤大队5名民警来到大队长郝国俊办公室。",
     [("郝国俊", ["大队长"], "呼和浩特市公安局交管支队特勤大队")]),
    # a title of a country's one-character name after a clause, and a country inside a title, open
    # the person's own title: the body before is another's (sweeps 24 and 26)
    ("美国总统特朗普日前在北约峰会期间与乌总统泽连斯基会面。",
     [("特朗普", ["总统"], "美国"), ("泽连斯基", ["乌总统"], None)]),
    ("东盟轮值主席国越南总理阮春福也向开幕式致贺信。", [("阮春福", ["总理"], "越南")]),
    ("欧盟成员国匈牙利总理欧尔班8日表示。白俄罗斯总统卢卡申科表示。",
     [("欧尔班", ["总理"], "匈牙利"), ("卢卡申科", ["总统"], "白俄罗斯")]),
    # 击败 breaks a title and makes the body before it no organization of the defeated (xwlb_45254)
    ("民主党候选人拜登以306票击败现任总统特朗普。", [("特朗普", ["现任总统"], None)]),
    # a party with no country before its leader's title is the leader's body, even where the
    # dictionary holds it as a common noun (新党, 亲民党) or 自 of 自由 is a stop character (sweep 28)
    ("亲民党主席宋楚瑜、新党主席郁慕明出席。", [("宋楚瑜", ["主席"], "亲民党"), ("郁慕明", ["主席"], "新党")]),
    ("联盟党总理候选人默茨23日晚宣布获胜。", [("默茨", ["总理候选人"], "联盟党")]),
    ("奥地利自由党领导人施特拉赫担任副总理。", [("施特拉赫", ["领导人", "副总理"], "奥地利自由党")]),
    ("执政党领导人表示。", []),
    # a body in quotes right before the title (xwlb_43106)
    ("“人权观察”执行主席罗斯表示。", [("罗斯", ["执行主席"], "人权观察")]),
    # a clause's adverb or verb the model read into a name (穆雷 + 偕: xwlb_16748); not 正, which
    # ends names (杨安正 + 是)
    ("西雅图市市长穆雷偕当地政要到机场迎接。", [("穆雷", ["西雅图市市长"], None)]),
    ("确认南昌市野生动植物保护管理局局长杨安正是当天的参与者之一。",
     [("杨安正", ["局长"], "南昌市野生动植物保护管理局")]),
    # 党组 + 成员 is the member's title, 党组 + 成 of 组成 no head (社民党组成执政联盟)
    ("市委党组成员、副市长张三出席。", [("张三", ["市委党组成员", "副市长"], "市委党组")]),
    # a city after a locative is a place whatever follows (在塔什干会见: sweep 31), an award named
    # after someone no mention of them, a language's people no person
    ("当地时间23日，国家主席习近平在塔什干会见俄罗斯总统普京。",
     [("习近平", ["国家主席"], None), ("普京", ["总统"], "俄罗斯")]),
    ("诺贝尔物理学奖获得者诺沃肖洛夫教授来访。", [("诺沃肖洛夫", ["教授"], None)]),
    ("第三季（塔吉克语版）在杜尚别发布。", []),
    # a conjunction opening a title the model's body holds is cut (而德国财政部长), 选举 breaks a title
    ("而德国财政部长林德纳此前表示。", [("林德纳", ["德国财政部长"], "德国财政部")]),
    ("投票选举现任副总统拉马福萨为主席。", [("拉马福萨", ["现任副总统", "主席"], None)]),
    # 兼 joins two titles: no body runs over it (王绍 for 王绍进 stays a miss of the model)
    ("山西焦煤集团公司原党委常委、副总经理兼汾西矿业集团党委书记、董事长王绍进。",
     [("王绍", ["副总经理", "汾西矿业集团党委书记", "董事长"], "汾西矿业集团党委")]),
    ("土耳其执政党发言人切利克说。", [("切利克", ["发言人"], "土耳其执政党")]),
    # a preposition of two characters opens no title (根据 + 总统: sweep 33)
    ("根据总统普京的命令，部队进入战备。", [("普京", ["总统"], None)]),
    # one of China's peoples is no person (毛南族: sweep 32)
    ("毛南族是我国人口较少民族之一。", []),
    # a verb of one character after a foreign name, where the dictionary's two-character word there is
    # an abbreviation (拜登 + 通电话, 通电: tune17 xwlb_49410)
    ("国家主席习近平应约同美国总统拜登通电话。", [("习近平", ["国家主席"], None), ("拜登", ["总统"], "美国")]),
    ("任命苏贵光为提案委员会驻会副主任。", [("苏贵光", ["驻会副主任"], "提案委员会")]),
    # the last part of a dotted name written alone is that person, whatever its characters (尚 is
    # no transliteration character: sweep 36 xwlb_22983)
    ("法国105岁高龄的罗伯特·马尔尚4号在一个室内自行车馆骑行。马尔尚曾在2012年创造了世界纪录。马尔尚自幼喜欢骑自行车。",
     [("罗伯特·马尔尚", [], None)]),
    ("会议决定：免去毕井泉第十四届全国政协常委、经济委员会副主任职务；免去苟仲文第十四届全国政协委员职务。",
     [("毕井泉", [], None), ("苟仲文", [], None)]),
    # a speaker's caption, the title a space before the name (tune17 xwlb_39221), with the company's
    # seat in brackets inside its name (联邦快递（中国）有限公司: sweep 35)
    ("菲尼克斯（中国）投资有限公司总裁 顾建党：这个业务是菲尼克斯未来10年最大的新兴业务。",
     [("顾建党", ["总裁"], "菲尼克斯（中国）投资有限公司")]),
    ("华为技术有限公司董事长 梁华：这个业务很大。", [("梁华", ["董事长"], "华为技术有限公司")]),
    ("据了解，西门子（中国）有限公司总裁赫尔曼表示，将继续扩大投资。", [("赫尔曼", ["总裁"], "西门子（中国）有限公司")]),
])
def test_people_of_general_news(text, people):
    assert [(p.name, p.titles, p.organization) for p in entities(text)[0]] == people


def test_a_people_before_an_occupation_stays_a_place():
    # 哈萨克牧民: 哈萨克族 is one of China's peoples, 牧民 an occupation, no title of a person
    people, _, places = entity_names("在天山脚下，搬到定居点的哈萨克牧民过上了好日子。")
    assert people == [] and "哈萨克" in places


@pytest.mark.parametrize("text, orgs", [
    # a dotted name inside a body's name is whole, the country before it none of it (tune15, tune13)
    ("根据美国约翰斯·霍普金斯大学的统计数据，病例增加。", ["约翰斯·霍普金斯大学"]),
    # a country and 同/与 before a known body are no part of it (xwlb_64037)
    ("中国同海合会国家友好交往跨越千年。", ["海合会"]),
    # an abbreviation across the end of a known company's name (高通 + 胀: xwlb_57802)
    ("抗议高通胀，英国医疗行业罢工持续。", []),
    # the military regions of 1985-2016 and short names of central bodies (xwlb_63, xwlb_18863)
    ("南京军区大规模实兵自主对抗演习今天结束。国台办主任张志军出席。", ["南京军区", "国台办"]),
    ("银监会发布通知。", ["银监会"]),
    # a name that opens a longer common word is none (三星 + 堆: sweep 22, xwlb_47186)
    ("三星堆遗址又有新发现。", []),
    # 当选 ends a body's name on the left (全票当选村党支部书记: sweep 22, xwlb_55353)
    ("她全票当选村党支部书记。", ["村党支部"]),
    # 以来 and 获得 end it too (sweeps 20 and 24)
    ("2013年以来上蔡县公安局共破获案件。", ["上蔡县公安局"]),
    ("这项草案如果能获得参议院外交关系委员会通过。", ["参议院外交关系委员会"]),
    # a verb opens a head's first character, a noun goes on after it: no body (扩大 + 学前, 学 + 习)
    ("要进一步扩大学前教育资源。", []),
    # a common word running on past a body's name makes none (中国电子 + 商务大会: sweep 26), a
    # title doing so keeps it (巴西司法部 + 长)
    ("第十届中国电子商务大会开幕。", []),
    ("巴西司法部长莫拉埃斯说，警方逮捕了10名嫌疑人。", ["巴西司法部"]),
    # a preposition before the body's place ends the clause (sweep 26: xwlb_41494, xwlb_41371)
    ("经陕西省林业局批准，项目启动。", ["陕西省林业局"]),
    ("死亡率比美国疾控中心预测的高。", ["美国疾控中心"]),
    ("中国对外友好协会举行招待会。", ["中国对外友好协会"]),
    ("在湖北省委理论学习中心组集中学习会上，中央政法委副秘书长姜伟结合法治建设发展实际发言。", ["湖北省委", "中央政法委"]),
    # verbs a body's name never opens (感谢, 主办: tune16 xwlb_40823; 愿同: sweep 28); a verb across a
    # head's end (组成) makes no head; a body with no head word after a region is not named after it
    ("感谢主席先生支持沙方主办二十国集团领导人特别峰会。", ["二十国集团"]),
    ("我们愿同哈佛大学等美国教育科研机构加强合作。", ["哈佛大学"]),
    ("如果联盟党与社民党组成执政联盟。", ["社民党"]),
    ("军事行动使加沙地带哈马斯等武装组织军事能力倒退了数年。", ["哈马斯"]),
    # a kind of party is none (世界政党, 执政党: generic_orgs.tsv), nor two countries' short names
    # (中缅: sweep 30), nor a party congress (中共十九大: an event)
    ("中国共产党与世界政党领导人峰会开幕。", ["中国共产党"]),
    ("中缅油气管道项目运行平稳。", []),
    ("中共十九大胜利召开。", []),
    # a former member's committee (原党委委员) is no body: the body is before 原 (sweep 31)
    ("国家行政学院原党委委员、副院长何家成严重违纪。", ["国家行政学院"]),
    # verbs the dictionary tags otherwise (参观 a noun, 严肃处理 a name) end a body's left edge
    ("国家主席习近平参观曼彻斯特大学国家石墨烯研究院。", ["曼彻斯特大学国家石墨烯研究院"]),
    ("国务院严肃处理重庆市永川区金山沟煤业有限责任公司。", ["国务院", "重庆市永川区金山沟煤业有限责任公司"]),
    # a ship's name is no body, its country a place
    ("韩国“世越”号客轮沉没。", []),
    # a party congress of any number (中共七大), and 实现 ends a name's left edge (sweep 32)
    ("中共七大召开。", []),
    ("福建率先实现医保电子凭证互联网医院全覆盖。", ["医保电子凭证互联网医院"]),
    # a known body a word of names opening with a stop character runs across is none (全国 + 新办:
    # no 国新办); verbs of war and 高度评价 (a "noun" to the dictionary) end a name's left edge
    ("市场活力持续激发，全国新办涉税市场主体累计达9315万户。", []),
    # (a power station is a place, no body, since 2026-12-07, ninth session: the labels make it a
    # required place and at most an optional organization, tune8, tune10, tune16; place_tails.tsv)
    ("乌军炮击扎波罗热核电站。", []),
    ("栗战书高度评价二十国集团的作用。", ["二十国集团"]),
    # nothing inside a ship's quoted name is a body or a place (sweep 33)
    ("“中远荷兰”号货轮抵达港口。", []),
    # a company's seat or group in brackets is inside its registered name, a "person" before it too
    # (葛兰素史克; sweep 35); brackets of another kind are no seat (党委（党组）)
    ("联邦快递（中国）有限公司今天宣布扩大投资。", ["联邦快递（中国）有限公司"]),
    ("葛兰素史克(中国)投资有限公司总裁说，将继续投资。", ["葛兰素史克(中国)投资有限公司"]),
    ("乐普（北京）医疗器械股份有限公司今天宣布。", ["乐普（北京）医疗器械股份有限公司"]),
    ("中国人寿保险（集团）公司今天宣布。", ["中国人寿保险（集团）公司"]),
    ("各级党委（党组）要负责。", []),
    ("上海市工商局目前已经十余次约谈苹果贸易(上海)有限公司。", ["上海市工商局", "苹果贸易(上海)有限公司"]),
    # 驻会 opens the title after a committee (驻会副主任), no part of its name (sweep 36, tune16)
    ("任命苏贵光为提案委员会驻会副主任。", ["提案委员会"]),
    # the name a removal writes before a body's session is a person's, not the body's start (sweep 36)
    ("会议决定：免去苟仲文第十四届全国政协委员职务。", ["第十四届全国政协"]),
    ("撤销其政协第十三届全国委员会委员资格。", ["政协第十三届全国委员会"]),
])
def test_organizations_of_general_news(text, orgs):
    assert entity_names(text)[1] == orgs


@pytest.mark.parametrize("text, orgs", [
    # a known body's type after a country; police and military heads (sweep 20)
    ("美国白宫当天也发表声明。", [("美国白宫", "government")]),
    ("香港特别行政区警队很了不起。", [("香港特别行政区警队", "police")]),
    ("空军空降兵某部新训女兵参加训练。", [("空军空降兵", "military")]),
    # a party's central committee, the liaison office, a ratings agency (sweep 26)
    ("老挝人民革命党中央总书记通伦。香港中联办发表声明。惠誉下调评级。",
     [("老挝人民革命党中央", "party"), ("香港中联办", "government"), ("惠誉", "company")]),
])
def test_types_of_general_news_bodies(text, orgs):
    assert [(o.name, o.org_type) for o in entities(text)[1]] == orgs


@pytest.mark.parametrize("text, places", [
    # a summit (峰会) is no peak: the place before it when the lists know it (xwlb_36290)
    ("首届中海峰会成功举行。", []),
    # a disease, a way of transport and a set phrase are no places (tune15 xwlb_42030, xwlb_47355)
    ("老人患有阿尔茨海默病，被送往医院。", []),
    ("海关加大对陆路和海港口岸的检疫力度。", []),
    ("三峡水库与南水北调两大世纪工程。", ["三峡水库"]),
    # every transliterated item of a list closed by 等地 is a place (sweep 20, xwlb_63566)
    ("梅赫拉巴德、伊斯法罕、设拉子等地多处机场暂停运营。", ["梅赫拉巴德", "伊斯法罕", "设拉子"]),
    # ... and no facility is named after 等地 (tune17 xwlb_49862); 村落 is a settlement, no village's
    # name (tune17 xwlb_49167)
    ("西安、南昌等地火车站加开验证查危通道。", ["西安", "南昌"]),
    ("曾经的博后村是一个道路泥泞、设施落后的黎族村落。", ["博后村"]),
    # a name after a verb of going or striking is a place (闯入: xwlb_33149)
    ("以军闯入拉姆安拉打伤多名巴方人员。", ["拉姆安拉"]),
    # a suburb's direction opens no place (大马士革东郊 + 东古塔: xwlb_29102)
    ("大马士革东郊东古塔地区已被收复。", ["大马士革", "东古塔"]),
    # a foreign city opening a landmark is a place too (莫斯科红场: sweep 22, xwlb_47338)
    ("莫斯科红场举行阅兵式。", ["莫斯科红场", "莫斯科"]),
    # a region found by name keeps a word running on (长三角 + 地区)
    ("推进长三角地区一体化发展。", ["长三角"]),
    # the items of a list of places the model read as nothing, after its other items (sweep 26)
    ("将茨城、栃木、群马、静冈等共7个府县列入紧急状态。", ["茨城", "栃木", "静冈", "群马"]),
    ("汪洋先后到和田、阿克苏、乌鲁木齐等地调研。", ["阿克苏", "乌鲁木齐", "和田"]),
    ("美国新泽西、特拉华、康涅狄格等多州。", ["美国", "新泽西", "特拉华", "康涅狄格"]),
    # a country's one-character name before a count of its states, or a place of it (sweep 26)
    ("美多州计划取消校园口罩令。", []),
    ("俄阿斯特拉罕州发生事故。", ["阿斯特拉罕州"]),
    ("足迹遍布神州大地。", []),
    # foreign places the rebuilt foreign_places.tsv knows (sweep 24: xwlb_53211, xwlb_62719)
    ("俄军控制了马里乌波尔。以军空袭汗尤尼斯。", ["马里乌波尔", "汗尤尼斯"]),
    # a count of divisions is none (首都圈 + 3县: tune16 xwlb_48792), nor a city's stations counted
    # (郑州各大汽车站: xwlb_48830), nor two kinds of place joined (社区和村)
    ("日本首都圈3县和大阪今起进入紧急状态。", ["日本", "大阪"]),
    ("郑州各大汽车站暂停发往市域外的所有班线。", ["郑州"]),
    ("最小检测区域划到社区和村。", []),
    # a conjunction between two villages opens neither (太和村 + 和 + 永和村)
    ("来到太和村和永和村。", ["太和村", "永和村"]),
    # a place known by its whole name (加沙 + 地带), not a part of a city (伦敦 + 中心地带: sweep 29)
    ("以军持续袭击加沙地带多地。", ["加沙地带"]),
    ("连接希思罗机场和伦敦中心地带的地铁。", ["希思罗机场", "伦敦"]),
    # a country's one-character name ends a phrase before another country (在巴 + 中国机构: sweep 28)
    ("确保在巴中国机构和公民的安全。", ["中国"]),
    ("美国多州州长宣布。", ["美国"]),
    # kinds of place listed together, Japan's prefectures as a kind (sweep 30)
    ("覆盖全市乡镇村和街道社区。", []),
    ("涵盖日本47个都道府县的传递。", ["日本"]),
    # a country's name with the clause's adverb (卡塔尔 + 都), an award's place (长江韬奋奖), a branch
    # of a faith (逊尼派), and the division after an event's name (冬奥会 + 延庆赛区: sweep 30)
    ("卡塔尔都在努力。", ["卡塔尔"]),
    ("新闻工作者获长江韬奋奖。", []),
    ("逊尼派和什叶派。", []),
    ("今天，北京冬奥会延庆赛区进行了消防安保演练。", ["北京", "延庆"]),
    # a place the model cuts short that is known whole (扎波罗 + 热), a language (西班牙文版) and a
    # count of states (两州) are handled; 中国文化 keeps 中国 (sweep 33)
    ("在扎波罗热方向击退乌军。", ["扎波罗热"]),
    ("西班牙文版发布。", []),
    ("中国文化走出去。", ["中国"]),
    ("美国两州宣布进入紧急状态。", ["美国"]),
    # warships named after cities are no places (太原舰: sweep 34); a fleet stays a body
    ("太原舰、荆州舰编队出航。", []),
    # …but a quoted slogan before 号召 (a call) is no ship's name
    ("积极响应“健康中国”号召。", ["中国"]),
])
def test_places_of_general_news(text, places):
    assert entity_names(text)[2] == places


def test_a_dam_is_a_landmark_of_its_place():
    assert [(p.name, p.level) for p in entities("三峡大坝安全度汛。")[2]] == [("三峡大坝", "landmark")]


def test_the_place_of_a_summit_stays_without_its_peak():
    places = entity_names("葡萄牙是我这次出访欧洲、拉丁美洲并出席二十国集团领导人布宜诺斯艾利斯峰会行程的最后一站。")[2]
    assert "布宜诺斯艾利斯" in places and "布宜诺斯艾利斯峰" not in places


@pytest.mark.parametrize("text, people, orgs, places", [
    # a name before 族 is a people's (布朗族), unless 族 opens a longer word (族人)
    ("有了党的好政策，就没有布朗族的今天。", [], [], []),
    ("今年7月，印度东北部阿萨姆邦的波洛族土著与穆斯林爆发冲突。", [], [], ["印度", "阿萨姆邦"]),
    # a time word after a title head: the title is the name's (总书记 + 近日)
    ("习近平总书记近日对脱贫攻坚工作作出重要指示。", [("习近平", ["总书记"])], [], []),
    # 时任 opens no body and no title (时任三明市公安局局长)
    ("时任三明市公安局局长的张三说。", [("张三", ["局长"])], ["三明市公安局"], ["三明市"]),
    ("官方宣布时任总统莫拉莱斯首轮胜出。", [("莫拉莱斯", ["总统"])], [], []),
    # set phrases that hold place names but name no place (place_like_phrases.tsv), 立德树人 no person
    ("这里是我国最大的出海口。", [], [], []),
    ("防火重于泰山，安全是要摆在第一位的。", [], [], []),
    ("统筹山水林田湖草沙冰系统治理。", [], [], []),
    ("北欧两项比赛开始。", [], [], []),
    ("围绕立德树人查找短板弱项。", [], [], []),
])
def test_sweep_37_entities(text, people, orgs, places):
    """Sweep 37 (90 topic CCTV articles of 2020-2022, tests/sweeps/read.tsv): people, bodies and places."""
    found_people, found_orgs, found_places = entities(text)
    assert [(p.name, p.titles) for p in found_people] == people
    assert [o.name for o in found_orgs] == orgs
    assert [p.name for p in found_places] == places


@pytest.mark.parametrize("text, orgs", [
    # a list a kind of company opens with 包括 (Boson tune half, boson_193): its items are companies
    ("天猫已与国内九大快递公司达成战略合作，这些公司包括EMS、顺丰、申通、中通、百世汇通、韵达。",
     ["国内九大快递公司", "EMS", "顺丰", "申通", "中通", "百世汇通", "韵达"]),
    # …and so does a list closed by 等 + a kind of web company (门户网站)
    ("新浪、搜狐等门户网站纷纷跟进。", ["新浪", "搜狐"]),
    # 如何 opens no list; 电商 + 旗下业务 is no kind of company
    ("从中国企业应用电子商务现状、企业如何实施电子商务、电子商务发展意义等方面讲解。", []),
    ("整合移动电商、生活服务、数字发行业务等电商旗下业务。", []),
])
def test_short_company_names_in_lists_of_general_news(text, orgs):
    assert [o.name for o in entities(text)[1]] == orgs
