"""Numeric claims of real sentences (issue #15), each with its exact expected rows: sentences of the
tuned-on pages (the saved HTML pages' tune part, tests/html/split.tsv; the GNE tune pages; the
tuned-on CCTV sets tests/tune6 … tune12) and of unlabelled CCTV articles read before and after a
rule (``after cctv``), and the sentences a reviewer of a change tried (``review``, from the corpus or
written). Never a held-out page. Split out of ``test_statistics_general.py``, which
keeps the forms and the properties.
"""
from __future__ import annotations

import pytest

from pipeline.claims import extract_statistics


def rows(text):
    return [(c.text, c.value, c.unit, c.subject, c.qualifier) for c in extract_statistics(text, [])]

# (page, sentence, expected rows (text, value, unit, subject, qualifier))
REAL = [
    ("05_xinhuanet", "1月23日，武汉全面封闭离汉通道时，武汉三镇尚有900多万人口，其中不少人是满怀一年的期盼。",
     [("900多万人口", 9_000_000.0, "人口", "人口", "more_than")]),
    ("28_qq", "开发人员向AlphaGo提供了历史对弈中的大约3000万记录。",
     [("大约3000万记录", 30_000_000.0, "记录", "记录", "about")]),
    # (前4个月 is a reporting period, no claim: the page's gold lists it as optional; this row read
    # ("4个月", 4.0, "个月", None, None) until 2026-12-07, sixth session)
    ("37_toutiao", "今年前4个月，我国货物贸易进出口总值13.81万亿元，同比增长5.7%。",
     [("货物贸易进出口总值13.81万亿元", 13_810_000_000_000.0, "元", "货物贸易进出口总值", None),
      # the change of the figure before it (claims/extract.py _CHANGE_OF_PREVIOUS)
      ("5.7%", 5.7, "%", "货物贸易进出口总值", None)]),
    ("37_toutiao", "4月单月，以人民币和美元计，进出口分别增长8%和4.4%，外贸向好态势明显。",
     [("进出口分别增长8%", 8.0, "%", "进出口", None), ("4.4%", 4.4, "%", "进出口", None)]),
    ("37_toutiao", "有进出口实绩的民营企业数量同比增加10.1%。",
     [("民营企业数量同比增加10.1%", 10.1, "%", "民营企业数量", None)]),
    ("12_youth", "今年两会上人大代表黄细花提出把法定婚龄降低到18岁的提案。",
     [("法定婚龄降低到18岁", 18.0, "岁", "法定婚龄", None)]),
    ("36_39", "我光着膀子吃了五包巧克力威化，一共 30 块……", [("30 块", 30.0, "块", None, None)]),
    ("18_southcn", "“海葵一号”启运后将前往距离青岛超过1200海里的珠江口盆地进行回接安装。",
     [("超过1200海里", 1200.0, "海里", "珠江口盆地", "more_than")]),
    ("18_southcn", "“海葵一号”主甲板最大直径90米，面积相当于13个标准篮球场，高度接近30层楼。",
     [("主甲板最大直径90米", 90.0, "米", "主甲板最大直径", None),
      ("13个标准篮球场", 13.0, "个", "标准篮球场", None),
      ("高度接近30层", 30.0, "层", "高度", "nearly")]),
    ("18_southcn", "必须在天文大潮时才能出港，每月满足作业条件的海况窗口仅有3天。",
     [("仅有3天", 3.0, "天", "海况窗口", None)]),
    ("09_gmw", "在太空中逗留将近1000天后，用于测试的威士忌的单宁成分保持不变。",
     [("将近1000天", 1000.0, "天", "逗留", "nearly")]),
    ("09_gmw", "在这项研究中，17名男子被要求在地面和一间模拟海拔3.7公里的房间内喝下一些伏特加。",
     [("17名男子", 17.0, "名", "男子", None), ("3.7公里", 3.7, "公里", "房间内喝下", None)]),
    ("09_gmw", "毕竟国际空间站的造价高达1500亿美元，而且在接近真空的太空中其运行速度达到了每小时27680公里。",
     [("造价高达1500亿美元", 150_000_000_000.0, "美元", "造价", None),
      ("速度达到了每小时27680公里", 27680.0, "公里", "速度", None)]),
    ("12_youth", "在英国求学6年后，李博灏希望能够学有所用。",
     [("6年", 6.0, "年", "求学", None)]),
    ("14_kepu", "他指出，长三角一体化发展战略提出并实施5年来，规划政策体系形成并不断完善。",
     [("5年", 5.0, "年", "实施", None)]),
    ("25_163", "经查，湖北通城刘某于2015年5月19日买入“暴风科技”400股（交易金额约10.8万元）后，当天编造虚假信息。",
     [("“暴风科技”400股", 400.0, "股", "暴风科技", None),
      ("交易金额约10.8万元", 108_000.0, "元", "交易金额", "about")]),
    ("27_163", "就连距离村子百米开外的高架下方空间，也被车主们发掘利用起来。",
     [("百米开外", 100.0, "米", "高架", "more_than")]),
    ("27_163", "在四村宅一路路口，3辆机动车就停在距离闸机不到10米的空地处。",
     [("3辆机动车", 3.0, "辆", "机动车", None), ("不到10米", 10.0, "米", "空地处", "less_than")]),
    ("41_appledaily", "氣憤不已的賴女隨即吞下10顆安眠藥，接著跑進房間將門反鎖，約莫10分鐘就傳出墬樓。",
     [("10顆安眠藥", 10.0, "颗", "安眠药", None), ("約莫10分鐘", 10.0, "分钟", None, "about")]),
    ("44_ltn", "由于该屋有7名共有人，下月拍卖的仅一半产权，约11.04坪。",
     [("该屋有7名", 7.0, "名", "该屋", None), ("仅一半产权", 0.5, "", "产权", None),
      ("约11.04坪", 11.04, "坪", None, "about")]),
    ("44_ltn", "下月预计以每坪38.54万元拍卖。从内政部实价登录网站来看，凶宅拍卖价每坪38.54万。",
     [("38.54万元拍卖", 385_400.0, "元", "拍卖", None)]),
    ("20_021east", "老人票原价：25元\n学生票原价：12元",
     [("老人票原价：25元", 25.0, "元", "老人票原价", None), ("学生票原价：12元", 12.0, "元", "学生票原价", None)]),
    ("20_021east", "备注：学生票：1.3米以上及6周岁以上儿童。老人票：60-69周岁老人。",
     [("学生票：1.3米以上", 1.3, "米", "学生票", "more_than")]),
    ("20_021east", "上海金茂大厦88层观光厅", []),
    ("tune2 xwlb_43188", "这里是厦门市最大的保障性住房社区，有3万多居民。",
     [("3万多居民", 30_000.0, "居民", "居民", "more_than")]),
    ("tune2 xwlb_54241", "我国中欧班列已累计开行超5.6万列，通达欧洲24个国家。",
     [("开行超5.6万列", 56_000.0, "列", "开行", "more_than"), ("24个国家", 24.0, "个", "国家", None)]),
    ("tune2 xwlb_42808", "21日，加利福尼亚州累计确诊病例突破40万，成为美国第二个确诊病例超过40万的州。",
     # (突破 is more_than; the second 40万 repeats the first then: one claim)
     [("累计确诊病例突破40万", 400_000.0, "", "累计确诊病例", "more_than")]),
    ("05_xinhuanet", "武汉“封城”27天后，湖北以外地区新冠肺炎每日确诊病例迎来15连降。",
     # (a run of falls, 15连降: claim_units.tsv; 迎来 links the topic to it: claim_predicate_words.tsv)
     [("27天", 27.0, "天", "封城", None), ("15连降", 15.0, "连降", "确诊病例", None)]),
    ("36_39", "普通人在专业医师指导下一个月减8~10斤并非不可能。如果按一个月10斤算，一年减下100斤。",
     [("8~10斤", 8.0, "斤", None, "range"), ("10斤", 10.0, "斤", None, "range_max"),
      ("减下100斤", 100.0, "斤", "减下", None)]),
    ("36_39", "24岁时，她为了变瘦，一个月减了20多斤。马思纯20天瘦20斤，靠喝藿香正气液抑制食欲。",
     [("20多斤", 20.0, "斤", None, "more_than"), ("20天", 20.0, "天", "马思纯", None),
      ("20斤", 20.0, "斤", None, None)]),
    # the topic of a clause whose predicate links it to the number (subject.topic_before), and the
    # change of the figure before it (extract._CHANGE_OF_PREVIOUS); GNE tune pages
    # (超过了: the prefix keeps its qualifier across 了; 约有 across 有: unlabelled CCTV, sweep 12)
    ("gne csdn_1", "并吸引了国内众多安全组织和科技媒体的参与，参会人数超过了700人。",
     [("参会人数超过了700人", 700.0, "人", "参会人数", "more_than")]),
    ("after cctv xwlb_63170", "当地约有3800名居民。", [("约有3800名居民", 3800.0, "名", "居民", "about")]),
    ("gne guancha_2", "封测业销售额第一次超过2000亿元。",
     [("超过2000亿元", 200_000_000_000.0, "元", "封测业销售额", "more_than")]),
    ("gne qq_2", "同盾科技2016年-2018年的营业收入分别为6066万元、2.61亿元、5.42亿元，呈几何级数增长。",
     [("6066万元", 60_660_000.0, "元", "营业收入", None), ("2.61亿元", 261_000_000.0, "元", "营业收入", None),
      ("5.42亿元", 542_000_000.0, "元", "营业收入", None)]),
    ("gne njxfhn_1", "截至8月25日，全市立电信网络诈骗案件1187宗，同比下降25%；",
     [("电信网络诈骗案件1187宗", 1187.0, "宗", "电信网络诈骗案件", None),
      ("25%", 25.0, "%", "电信网络诈骗案件", None)]),
    # (下调 is a verb of change: the noun before it and the verb go in the span, as 提升至 does)
    ("gne sina_3", "美联储应将政策利率下调至1%。", [("政策利率下调至1%", 1.0, "%", "政策利率", None)]),
    # (a demonstrative is no part of the noun; 跌破 compares like 低于; a conversion after 起)
    ("gne sina_1", "这一比例不会超过15%。", [("比例不会超过15%", 15.0, "%", "比例", "less_than")]),
    ("gne sina_3", "如果美国经济陷入衰退，收益率可能会跌破1%。", [("跌破1%", 1.0, "%", "收益率", "less_than")]),
    ("gne wechat_1", "Galaxy S20 Ultra 售价 1399 美元起，约合人民币 9800 元。",
     [("售价 1399 美元", 1399.0, "美元", "售价", None), ("9800 元", 9800.0, "元", "售价", "about")]),
    # a sports event is no distance (sweeps 4-7); songs counted before 儿歌 (GNE qq_qq)
    ("made up", "他夺得200米蛙泳决赛冠军，建成400米跑道。", [("400米跑道", 400.0, "米", "跑道", None)]),
    ("made up", "他创作了一千余首儿歌。", [("一千余首儿歌", 1000.0, "首", "儿歌", "more_than")]),
    ("made up", "价格低于100元，增速高于5%。",
     [("价格低于100元", 100.0, "元", "价格", "less_than"), ("增速高于5%", 5.0, "%", "增速", "more_than")]),
    # a negation turns the bound round (gne sxmu_1; unlabelled CCTV articles: 不低于 had read as
    # less_than, 不得超过 as more_than)
    ("gne sxmu_1", "留置时间不得超过三个月。", [("不得超过三个月", 3.0, "个月", "留置", "less_than")]),
    ("after cctv xwlb_33510", "国有资本持股比例不低于70%。", [("比例不低于70%", 70.0, "%", "比例", "at_least")]),
    ("after cctv xwlb_58691", "两人票数都没有超过50%。", [("没有超过50%", 50.0, "%", "两人票数", "less_than")]),
    ("after cctv xwlb_42545", "每个考区考点不得少于3个。", [("考区考点不得少于3个", 3.0, "个", "考区考点", "at_least")]),
    # below zero (unlabelled CCTV weather reports had read 零下12℃ and -20℃ as 12 and 20); a hyphen
    # after a number and its unit, a percent sign or a letter is a range's or a name's
    # (北京-5℃: a clause naming only a place is of the noun before it, 最低气温: 2026-12-07 ninth session)
    ("made up", "最低气温零下12℃，北京-5℃。", [("最低气温零下12℃", -12.0, "℃", "最低气温", None), ("-5℃", -5.0, "℃", "最低气温", None)]),
    ("tune6 xwlb_49621", "冒着零下10多度的严寒，进村入户。", [("零下10多度", -10.0, "度", None, "more_than")]),
    ("made up", "转了180度。PM2.5平均浓度为33微克/立方米。", [("平均浓度为33微克/立方米", 33.0, "微克/立方米", "平均浓度", None)]),
    ("after cctv xwlb_2396", "气温降至零下22至25摄氏度。",
     [("气温降至零下22至25摄氏度", -22.0, "摄氏度", "气温", "range"), ("25摄氏度", -25.0, "摄氏度", "气温", "range_max")]),
    ("after cctv xwlb_18994", "目标设定为6.5%-7%。", [("目标设定为6.5%", 6.5, "%", "目标设定", None), ("7%", 7.0, "%", "目标设定", None)]),
    ("after cctv xwlb_4530", "5000米-7000米海试项目。", [("5000米", 5000.0, "米", None, None), ("7000米海试项目", 7000.0, "米", "海试项目", None)]),
    # a statistic's name the segmenter cuts apart (可|支配|收入), its real growth (实际), and a
    # run cut in a word at its length (全国 → 国居民…): unlabelled CCTV articles, sweep 12
    ("made up", "城镇居民人均可支配收入42359元。", [("42359元", 42359.0, "元", "人均可支配收入", None)]),
    ("after cctv xwlb_56964", "2021年，全国居民人均可支配收入实际增长8.1%。",
     [("居民人均可支配收入实际增长8.1%", 8.1, "%", "居民人均可支配收入", None)]),
    # Boson general-news paragraphs (tune half), claims sweep: specifications' units, 多 after
    # the unit, a time of day's seconds, a model year, 以 + 下跌
    ("boson_0821", "最大功率将从现在的322马力提升到350马力。",
     [("322马力", 322.0, "马力", "最大功率", None), ("350马力", 350.0, "马力", "最大功率", None)]),
    ("after boson_1752", "搭载1.0L发动机，综合油耗5.5L，型号5LX。", [("1.0L发动机", 1.0, "L", "发动机", None), ("综合油耗5.5L", 5.5, "L", "综合油耗", None)]),
    ("boson_0819", "他跳下3米多深的水井。", [("3米多", 3.0, "米", "水井", "more_than")]),
    ("made up", "连续5天多云。", [("5天", 5.0, "天", "多云", None)]),
    ("boson_1766", "8时8分45秒，礼炮鸣响。", []),
    ("boson_1221", "特惠车型：2009款日产阳光。", []),
    ("made up", "大盘连续5个月以下跌报收。", [("5个月", 5.0, "个月", "大盘", None)]),  # 连续 links the topic (claim_predicate_words.tsv)
    # a share written with digits (Boson boson_0489; not a tennis score or a spaced score);
    # 最多 is at most; a rate's unit is no subject; a verb after 万 is no counted noun
    ("boson_0489", "尚有2/3的矿产资源未探明。", [("2/3", 0.666667, "", "矿产资源", None)]),
    ("after cctv xwlb_7025", "德约科维奇6-3/6-4击败纳达尔。", []),
    ("boson_1589", "持股比例最多19.9%。", [("比例最多19.9%", 19.9, "%", "比例", "less_than")]),
    # a rate's unit after 每 is no noun: what the rate measures stands before 每, and the span is the
    # figure's (this row read ("立方米30微克", …, None) until 2026-12-07, sixth session)
    ("after cctv xwlb_53546", "PM2.5浓度每立方米30微克。", [("30微克", 30.0, "微克", "浓度", None)]),
    ("tune21 xwlb_50416", "2020年全国PM2.5平均浓度为每立方米37微克，比2015年下降28.8%。",
     [("37微克", 37.0, "微克", "平均浓度", None), ("28.8%", 28.8, "%", "平均浓度", None)]),
    ("sweep 44 xwlb_74493", "国际金价当天跌破每盎司4100美元关口。", [("4100美元", 4100.0, "美元", "国际金价", None)]),
    # a change named after the figure (6.5%的增长) is the topic's, not the change's
    ("tune9 xwlb_54710", "全省外贸进出口实现6.5%的增长，达到7500亿元。",
     [("6.5%", 6.5, "%", "外贸进出口", None), ("7500亿元", 750_000_000_000.0, "元", None, None)]),
    # 前 + a count of months is the months from January, a reporting period (claim_ordinal_markers.tsv)
    ("sweep 44 xwlb_38769", "前10个月，全省新增市场主体19.47万户，同比增长65.6%。",
     [("新增市场主体19.47万户", 194_700.0, "户", "新增市场主体", None), ("65.6%", 65.6, "%", "新增市场主体", None)]),
    ("sweep 43 xwlb_61987", "2023年前11个月，地方一般公共预算收入超过10万亿元，同比增长8.7%，31个省份收入普遍实现增长。",
     [("地方一般公共预算收入超过10万亿元", 10_000_000_000_000.0, "元", "地方一般公共预算收入", "more_than"),
      ("8.7%", 8.7, "%", "地方一般公共预算收入", None), ("31个省份", 31.0, "个", "省份", None)]),
    # a multiple written 是…的N倍 right after a figure is of that figure's noun (claims/extract.py
    # _MULTIPLE_OF_PREVIOUS)
    ("tune9 xwlb_54594", "十年来，陕西年进出口总值达到4757.75亿元，是2012年的5.1倍。",
     [("进出口总值达到4757.75亿元", 475_775_000_000.0, "元", "进出口总值", None), ("5.1倍", 5.1, "倍", "进出口总值", None)]),
    ("sweep 43 xwlb_18001", "根据国家统计局最新数据，截至11月，我国待售商品住宅面积达到4.4亿平方米，是五年前的2.6倍。",
     [("待售商品住宅面积达到4.4亿平方米", 440_000_000.0, "平方米", "待售商品住宅面积", None),
      ("2.6倍", 2.6, "倍", "待售商品住宅面积", None)]),
    # 为期: the event before it when the length ends the clause, else the event after its 的, up to a
    # time word, a preposition or the verb that closes it (claims/extract.py _what_lasts)
    ("sweep 43 xwlb_41772", "艺术节为期6天，以传承延安精神为主题。", [("6天", 6.0, "天", "艺术节", None)]),
    ("tune6 xwlb_46533", "为期40天的2021年春运今天结束。", [("40天", 40.0, "天", "春运", None)]),
    ("sweep 38 xwlb_37615", "为期4天的2019世界制造业大会23日在安徽合肥闭幕。", [("4天", 4.0, "天", "世界制造业大会", None)]),
    ("sweep 43 xwlb_21517", "叙利亚军方刚刚宣布为期7天的停火结束。", [("7天", 7.0, "天", "停火", None)]),
    ("sweep 44 xwlb_59905", "苏丹武装冲突持续近4个月，平民伤亡不断增加。", [("近4个月", 4.0, "个月", "苏丹武装冲突", "nearly")]),
    ("sweep 43 xwlb_1319", "此次航行历时158天。", [("158天", 158.0, "天", "航行", None)]),
    ("sweep 44 xwlb_59905", "持续近4个月的武装冲突造成大量伤亡。", [("近4个月", 4.0, "个月", "武装冲突", "nearly")]),
    ("sweep 43 xwlb_73910", "市场监管总局近日部署开展为期半年的网络食品销售虚假宣传专项整治行动。",
     [("半年", 0.5, "年", "网络食品销售虚假宣传专项整治行动", None)]),
    # a length of time that changes (由/从 … 缩短至) is the noun's before 由/从, and so is the length it
    # changes to; a place there is where, not what
    ("sweep 44 xwlb_67368", "物流运输时间由6小时缩短至2小时内。",
     [("6小时", 6.0, "小时", "物流运输时间", None), ("2小时", 2.0, "小时", "物流运输时间", None)]),
    ("sweep 43 xwlb_15871", "从昆明到南宁将由原来的12小时缩短到5小时左右。",
     [("12小时", 12.0, "小时", None, None), ("5小时左右", 5.0, "小时", None, "about")]),
    # 西部, 东部 … modify the noun after a unit (claim_noun_prefixes.tsv)
    ("tune6 xwlb_54130", "2017年以来，已有147名西部计划大学生志愿者和支教老师从全国各地来到巴克墩村。",
     [("147名西部计划大学生志愿者", 147.0, "名", "西部计划大学生志愿者", None)]),
    # the present closes a series of one noun's figures (claim_period_words.tsv)
    ("tune9 xwlb_40653", "疫情暴发初期，全国防护服日产量不足2万件，目前已达到50万件。",
     [("防护服日产量不足2万件", 20_000.0, "件", "防护服日产量", "less_than"), ("50万件", 500_000.0, "件", "防护服日产量", None)]),
    # an adverbial verb (持续, vd) opens the previous clause's predicate: its topic is the noun before it
    ("tune12 xwlb_46223", "研究还显示，少数族裔的预期寿命减少幅度更高，其中非洲裔平均寿命缩短2.7年，降为72岁。",
     [("2.7年", 2.7, "年", "缩短", None)]),  # (降为 after the length: no change towards another length)
    ("tune21 xwlb_46708", "得益于保护力度不断加强，西藏黑颈鹤种群数量持续增加，现已增加到8000多只。",
     [("8000多只", 8000.0, "只", "西藏黑颈鹤种群数量", "more_than")]),
    # no topic: a verb ends the clause's start, or the chain cuts a word (拥有)
    ("pages/extra", "新买的猪猪侠玩具枪,已在许亚林的汽车后备厢里放了半个多月。",
     [("半个多月", 0.5, "个月", None, "more_than")]),
    ("made up", "全市拥有700人。", [("700人", 700.0, "人", None, None)]),
    # subjects (2026-12-06, the session after the day session): a noun ending in a generic head
    # (务工人员) and the verb after it; a size adjective between a length and its noun; Latin letters
    # in a topic; 占比; a change from a point written with 的; the base of a share; the topic of the
    # clause before a chain that opens its own clause (not after an attribution, a preposition or a
    # bare modal)
    ("tune11 xwlb_40108", "昨天下午，167名来自贵州的务工人员乘坐包机从贵阳飞抵厦门。",
     [("167名", 167.0, "名", "务工人员", None)]),
    ("after cctv xwlb_39919", "派出19支重症患者救治队。", [("19支重症患者救治队", 19.0, "支", "重症患者救治队", None)]),
    ("tune11 xwlb_51483", "15日，汤加首都努库阿洛法沿岸观测到1.2米高的海浪。", [("1.2米", 1.2, "米", "海浪", None)]),
    ("tune11 xwlb_56513", "三季度，GDP同比增长3.9%。", [("GDP同比增长3.9%", 3.9, "%", "GDP", None)]),
    ("after cctv xwlb_53809", "自主培养的博士占比均达三分之二左右。",
     [("达三分之二左右", 0.666667, "", "博士", "about")]),
    ("tune11 xwlb_51483", "纽约州因拖欠房租而被驱逐的家庭从疫情暴发前的14万户飙升至59.1万户。",
     [("14万户", 140_000.0, "户", "家庭", None), ("59.1万户", 591_000.0, "户", "家庭", None)]),
    ("tune11 xwlb_50885", "自贸伙伴占我国外贸比重已从2012年的12.3%提高到现在的35%。",
     [("12.3%", 12.3, "%", "外贸比重", None), ("35%", 35.0, "%", "外贸比重", None)]),
    ("gne xinhuanet_1", "公交车发车频次仅为平日的一半。", [("一半", 0.5, "", "公交车", None)]),
    ("gne guancha_2", "由此产生的贸易逆差创下历史新高，达到2275亿美元。",
     [("2275亿美元", 227_500_000_000.0, "美元", "贸易逆差", None)]),
    ("after cctv xwlb_50927", "今年，黑龙江粮食总产创历史新高，达到1573.54亿斤。",
     [("1573.54亿斤", 157_354_000_000.0, "斤", "黑龙江粮食总产", None)]),
    ("after cctv xwlb_55696", "翟青介绍，过去十年，我们坚持绿色发展。", [("十年", 10.0, "年", None, None)]),
    # a quoted phrase before a linking verb is the topic (gne guancha_guancha; unlabelled CCTV
    # xwlb_12949 read before and after the rule)
    ("gne guancha_guancha", "预计订单量“没有影响的”占24.6%，“略有下滑”占34.3%。",
     [("24.6%", 24.6, "%", "没有影响的", None), ("34.3%", 34.3, "%", "略有下滑", None)]),
    ("after cctv xwlb_12949", "在南京“驻屯兵员概数”为25000人。", [("25000人", 25000.0, "人", "驻屯兵员概数", None)]),
    # a verb that always opens the predicate ends the counted noun (claim_predicate_verbs.tsv: tune12
    # xwlb_46922, xwlb_53877, tune11 xwlb_48680; unlabelled xwlb_53671 for an adverbial before it)
    ("tune12 xwlb_46922", "50多名家属搭乘专用船到达指定海域。", [("50多名家属", 50.0, "名", "家属", "more_than")]),
    ("tune12 xwlb_53877", "广东省全省14个市、54个县512个乡镇遭受暴雨洪涝灾害。",
     [("14个市", 14.0, "个", "市", None), ("54个县", 54.0, "个", "县", None), ("512个乡镇", 512.0, "个", "乡镇", None)]),
    ("tune10 xwlb_54590", "乌克兰方面表示，又有3艘运粮船离开敖德萨港。", [("3艘运粮船", 3.0, "艘", "运粮船", None)]),
    # (after a word that is no noun it stays inside one: unlabelled xwlb_41957)
    ("after cctv xwlb_41957", "共出台88条综合支持意见。", [("88条综合支持意见", 88.0, "条", "综合支持意见", None)]),
    ("after cctv xwlb_53671", "今年，山东兖州将国家制种大县奖励资金3000万元重点用于农田建设、科学田管等。",
     [("国家制种大县奖励资金3000万元", 30_000_000.0, "元", "国家制种大县奖励资金", None)]),
    # a change after a change, after a note in brackets, or a comparative after a comparison is of
    # the same noun (tune12 xwlb_47431, xwlb_41368, tune11 xwlb_51425; unlabelled xwlb_54232)
    ("tune12 xwlb_47431", "4月份全社会用电量达到6361亿千瓦时，同比增长13.2%，较2019年同期增长15.0%。",
     [("全社会用电量达到6361亿千瓦时", 636_100_000_000.0, "千瓦时", "全社会用电量", None),
      ("13.2%", 13.2, "%", "全社会用电量", None), ("15.0%", 15.0, "%", "全社会用电量", None)]),
    ("tune12 xwlb_41368", "今年一季度全国税收收入为34826亿元（已扣出口退税），同比下降16.4%。",
     [("税收收入为34826亿元", 3_482_600_000_000.0, "元", "税收收入", None), ("16.4%", 16.4, "%", "税收收入", None)]),
    ("after cctv xwlb_54232", "6月份新发放的企业贷款利率为4.16%，比上年同期低34个基点。",
     [("企业贷款利率为4.16%", 4.16, "%", "企业贷款利率", None), ("34个基点", 34.0, "个基点", "企业贷款利率", None)]),
    # 首 before a preposition is a count (gne qq_qq)
    ("gne qq_qq", "潘振声创作的大量儿童歌曲，有一千余首在全国各地报刊电台发表。",
     [("一千余首", 1000.0, "首", None, "more_than")]),
    ("gne sxmu_1", "对被调查人采取留置措施后，应当在二十四小时以内，通知被留置人员所在单位和家属。",
     [("二十四小时", 24.0, "小时", None, None)]),
    # a one-character qualifier that ends a word the segmenter reads is none (签约, 最近, 附近, 节约);
    # an adverb (共约), two words (损失|约, 最高|超) and a name (以北约) keep it; 逼近 is nearly
    ("after cctv xwlb_56003", "浙江宁波现场签约93亿元的项目。", [("93亿元", 9_300_000_000.0, "元", "项目", None)]),
    ("after cctv xwlb_47446", "这家医院最近4天内有74名患者死亡。",
     [("4天", 4.0, "天", None, None), ("74名患者", 74.0, "名", "患者", None)]),
    ("after cctv xwlb_54802", "水库降至死水位以下，影响附近5个村。", [("5个村", 5.0, "个", "村", None)]),
    ("after cctv xwlb_43003", "经济损失约295亿元。", [("经济损失约295亿元", 29_500_000_000.0, "元", "经济损失", "about")]),
    ("made up", "共约3000人参加。", [("约3000人", 3000.0, "人", None, "about")]),
    ("after cctv xwlb_49818", "单日航班量最高超1000架次。",
     [("单日航班量最高超1000架次", 1000.0, "架次", "单日航班量", "more_than")]),
    ("after cctv xwlb_51496", "海底火山位于努库阿洛法以北约65公里处。", [("约65公里", 65.0, "公里", None, "about")]),
    ("after cctv xwlb_51684", "目前累计确诊病例逼近80万例。",
     [("累计确诊病例逼近80万例", 800_000.0, "例", "累计确诊病例", "nearly")]),
    # a comparison with digits before a verb of change (加快, 萎缩: claim_change_verbs.tsv); a time
    # word or an adjective and 的 before the noun after a unit
    ("sweep 13 xwlb_44391", "高技术制造业投资增速比1—8月份加快0.5个百分点。",
     [("0.5个百分点", 0.5, "个百分点", "高技术制造业投资增速", None)]),
    ("sweep 13 xwlb_55165", "德国经济明年将萎缩0.3%。", [("德国经济明年将萎缩0.3%", 0.3, "%", "德国经济", None)]),
    ("sweep 13 xwlb_53037", "一座35平方公里的现代工业新城拔地而起。",
     [("35平方公里", 35.0, "平方公里", "现代工业新城", None)]),
    ("sweep 13 xwlb_52599", "部署4个新的战斗集群。", [("4个", 4.0, "个", "战斗集群", None)]),
    # a rate's unit is written whole (claim_rate_denominators.tsv): twelve pork prices of Boson
    # boson_1093 were 元
    ("boson_1093", "猪肉批发价格已达到了13元/斤。", [("猪肉批发价格已达到了13元/斤", 13.0, "元/斤", "猪肉批发价格", None)]),
    ("after cctv xwlb_30188", "小麦最低收购价为1.15元/斤。", [("小麦最低收购价为1.15元/斤", 1.15, "元/斤", "小麦最低收购价", None)]),
    ("after cctv xwlb_54780", "均价2700—2800元/吨。",
     [("均价2700—2800元/吨", 2700.0, "元/吨", "均价", "range"), ("2800元/吨", 2800.0, "元/吨", "均价", "range_max")]),
    ("after cctv xwlb_42989", "设计行车速度350公里/小时。",
     [("设计行车速度350公里/小时", 350.0, "公里/小时", "设计行车速度", None)]),
    # ... but a price per item or per period is in its currency (html-tune 27_163 labels 元)
    ("html-tune 27_163", "大型车辆月缴费800元/辆。", [("缴费800元/辆", 800.0, "元", "缴费", None)]),
    # a round of a tournament, a building's entrance and a car's test are no claims (Boson sweep)
    ("boson_0074", "他们晋级1/32决赛。", []),
    ("after cctv xwlb_30739", "中国队挺进四分之一决赛。", []),
    ("boson_0233", "家住5号楼6单元。", []),
    ("boson_0556", "0-100km/h加速时间为9.8秒。", [("9.8秒", 9.8, "秒", "时间", None)]),
    ("after cctv xwlb_44826", "具体包括摩托车驾驶证申请人可凭居民身份证在全国范围内“一证通考”，将6年以内的7至9座非营运"
     "小微型客车纳入免上检测线检验范围等。",
     [("6年", 6.0, "年", None, None), ("7至9座非营运小微型客车", 7.0, "座", "非营运小微型客车", "range"),
      ("9座非营运小微型客车", 9.0, "座", "非营运小微型客车", "range_max")]),
    # the topic of a clause linked to its number across a note in brackets, an adverb before a
    # comparison, a verb and its complement (占|到), or the clause before (粮食产量: jieba tags it l)
    ("sweep 15 xwlb_62182", "粮食产量再创新高，达到69541万吨。", [("69541万吨", 695_410_000.0, "吨", "粮食产量", None)]),
    ("sweep 15 xwlb_2499", "北京公共交通出行比例已占到了44%。", [("比例已占到了44%", 44.0, "%", "比例", None)]),
    ("sweep 15 xwlb_58003", "中央企业累计完成投资（不含房地产）超3500亿元，同比增长5.6%。",
     [("超3500亿元", 350_000_000_000.0, "元", "投资", "more_than"), ("5.6%", 5.6, "%", "投资", None)]),
    ("sweep 15 xwlb_45206", "森林蓄积量将比2005年增加60亿立方米。",
     [("60亿立方米", 6_000_000_000.0, "立方米", "森林蓄积量", None)]),
    # a count that opens its clause: the first verb after its noun is the predicate
    ("sweep 15 xwlb_74835", "353名研究生入驻科技小院。", [("353名研究生", 353.0, "名", "研究生", None)]),
    ("after cctv xwlb_73242", "千余名女性同胞畅游油菜花海。", [("千余名女性同胞", 1000.0, "名", "女性同胞", "more_than")]),
    # a distributive word after a list the subject's window cut: each figure is its item's
    ("sweep 15 xwlb_73780", "装备制造业、高技术制造业利润更是分别增长了23.5%和58.7%。",
     [("23.5%", 23.5, "%", "装备制造业", None), ("58.7%", 58.7, "%", "高技术制造业利润", None)]),
    ("sweep 15 xwlb_74045", "电动汽车、锂电池、风力发电机组等绿色低碳产品出口分别增长68.1%、43.2%和40.7%。",
     [("绿色低碳产品出口分别增长68.1%", 68.1, "%", "电动汽车", None), ("43.2%", 43.2, "%", "锂电池", None),
      ("40.7%", 40.7, "%", "风力发电机组", None)]),
    ("after cctv xwlb_70412", "机器人产业蓬勃发展，带动机器人减速器、工业机器人、服务机器人等产品产量分别增长48%、24%和12.8%。",
     [("产品产量分别增长48%", 48.0, "%", "机器人减速器", None), ("24%", 24.0, "%", "工业机器人", None),
      ("12.8%", 12.8, "%", "服务机器人", None)]),
    # a series of figures of one noun, clause by clause: a period and a verb have the previous noun
    ("sweep 15 xwlb_62182", "分季度看，一季度国内生产总值同比增长4.5%，二季度增长6.3%，三季度增长4.9%。",
     [("国内生产总值同比增长4.5%", 4.5, "%", "国内生产总值", None), ("6.3%", 6.3, "%", "国内生产总值", None),
      ("4.9%", 4.9, "%", "国内生产总值", None)]),
    ("sweep 15 xwlb_17019", "2013年减少贫困人口1650万，2014年减少1232万人。",
     [("贫困人口1650万", 16_500_000.0, "", "贫困人口", None), ("1232万人", 12_320_000.0, "人", "贫困人口", None)]),
    # a period between the topic and its predicate; an adverbial after the noun is no part of it
    ("after cctv xwlb_32875", "我国城镇人均住房建筑面积1978年仅为6.7平方米，2017年达到36.9平方米。",
     [("6.7平方米", 6.7, "平方米", "城镇人均住房建筑面积", None), ("36.9平方米", 36.9, "平方米", "城镇人均住房建筑面积", None)]),
    ("after cctv xwlb_54939", "福建居民人均收入年均增长8.5%，2021年达到40659元。",
     [("福建居民人均收入年均增长8.5%", 8.5, "%", "福建居民人均收入", None), ("40659元", 40659.0, "元", "福建居民人均收入", None)]),
    # the change of a figure written twice is of that figure (the repeat is the previous claim)
    ("after cctv xwlb_6024", "制造业采购经理指数为50.3％。7月份制造业采购经理指数为50.3％，比上月小幅回升0.2个百分点。",
     [("经理指数为50.3％", 50.3, "%", "经理指数", None), ("0.2个百分点", 0.2, "个百分点", "经理指数", None)]),
    # a length of time lends the figure after it no noun (5年 is when)
    ("after cctv xwlb_46612", "农产品增值空间不断拓展，家庭经营净收入5年增加1573元。",
     [("5年", 5.0, "年", "增加", None), ("1573元", 1573.0, "元", None, None)]),
    # a length of years since a founding, the verb that ends counted nouns as its activity (sweep 16)
    ("sweep 16 xwlb_21632", "新疆生产建设兵团成立60年来，屯垦戍边。", [("60年", 60.0, "年", "成立", None)]),
    ("after cctv xwlb_57243", "从成都到峨边坐高铁只需要一个半小时。", [("一个半小时", 1.5, "个小时", "峨边坐高铁", None)]),
    # a period after a comparison word is the change's base, not the topic's period
    ("after cctv xwlb_58392", "2022年，欧洲军费开支较去年增加13%。",
     [("欧洲军费开支较去年增加13%", 13.0, "%", "欧洲军费开支", None)]),
    # a comparison written 与…相比 is one as 比/较 are (sweep 35)
    ("tune17 xwlb_42717", "上半年全国一般公共预算支出116411亿元，与去年同期相比下降5.8%。",
     [("一般公共预算支出116411亿元", 11_641_100_000_000.0, "元", "一般公共预算支出", None),
      ("5.8%", 5.8, "%", "一般公共预算支出", None)]),
    ("after cctv xwlb_49701", "500强中，制造业达到249家，与上年相比增加了11家。",
     [("制造业达到249家", 249.0, "家", "制造业", None), ("11家", 11.0, "家", "制造业", None)]),
    # the base of a comparison (比2017年的2073.5亿元增长) is a figure of the noun compared, and so is
    # the change after it; never the verb after the base
    ("guancha_2", "2018年中国集成电路设计业销售收入为2519.3亿元，比2017年的2073.5亿元增长21.5%。",
     [("设计业销售收入为2519.3亿元", 251_930_000_000.0, "元", "设计业销售收入", None),
      ("2073.5亿元", 207_350_000_000.0, "元", "设计业销售收入", None), ("21.5%", 21.5, "%", "设计业销售收入", None)]),
    ("after cctv xwlb_52753", "去年美国枪支产业收入超过705亿美元，比2008年的191亿美元增加269%。",
     [("美国枪支产业收入超过705亿美元", 70_500_000_000.0, "美元", "美国枪支产业收入", "more_than"),
      ("191亿美元", 19_100_000_000.0, "美元", "美国枪支产业收入", None),
      ("269%", 269.0, "%", "美国枪支产业收入", None)]),
    # 发展到 is a verb of change (由…发展到…): the figures are of the noun before it
    ("tune17 xwlb_43297", "村集体收入由2018年的263万元发展到2019年超过300万元，今年底将有望突破1000万元。",
     [("263万元", 2_630_000.0, "元", "村集体收入", None), ("超过300万元", 3_000_000.0, "元", "村集体收入", "more_than"),
      ("突破1000万元", 10_000_000.0, "元", "村集体收入", "more_than")]),
    ("after cctv xwlb_45042", "如今，密云水库已实现全方位立体化管控和保护，保水网格员发展到2000多人。",
     [("保水网格员发展到2000多人", 2000.0, "人", "保水网格员", "more_than")]),
    # a figure after a change in % is of the changed noun (增长66.1%，达到1.49万亿元)
    ("tune xwlb_54798", "十年间，山东海洋产业生产总值增长66.1%，达到1.49万亿元。",
     [("山东海洋产业生产总值增长66.1%", 66.1, "%", "山东海洋产业生产总值", None),
      ("1.49万亿元", 1_490_000_000_000.0, "元", "山东海洋产业生产总值", None)]),
    # 高于上月 is a comparison as 比上月高 is; 均 before a comparison; 增加到了 (sweep 36)
    ("sweep 36 xwlb_18265", "其中，新房环比最高涨幅为3.2%，高于上月0.3个百分点。",
     [("新房环比最高涨幅为3.2%", 3.2, "%", "新房环比最高涨幅", None),
      ("0.3个百分点", 0.3, "个百分点", "新房环比最高涨幅", None)]),
    ("sweep 36 xwlb_13536", "新建商品住宅和二手住宅价格环比平均降幅为0.2%和0.3%，均比11月份收窄0.2个百分点;",
     [("住宅价格环比平均降幅为0.2%", 0.2, "%", "住宅价格环比平均降幅", None),
      ("0.3%", 0.3, "%", "住宅价格环比平均降幅", None), ("0.2个百分点", 0.2, "个百分点", "住宅价格环比平均降幅", None)]),
    ("sweep 36 xwlb_24794", "比雷埃夫斯港集装箱操作量从2010年的88万标准箱增加到了374万标准箱。",
     [("88万标准箱", 880_000.0, "标准箱", "港集装箱操作量", None),
      ("374万标准箱", 3_740_000.0, "标准箱", "港集装箱操作量", None)]),
    # a segmenter word of people ending with a title's head is a noun (驻华|大使, tagged v)
    ("sweep 36 xwlb_70110", "国家主席习近平在北京人民大会堂接受16位驻华大使递交国书。",
     [("16位驻华大使", 16.0, "位", "驻华大使", None)]),
    # 5年多来 is the time frame 5年来 with more_than: a claim only after a verb
    ("sweep 36 xwlb_34715", "5年多来，共建“一带一路”合作取得丰硕成果。", []),
    ("after cctv", "他们奋战了3年多来改变面貌。", [("3年多", 3.0, "年", "奋战", "more_than")]),
    # a verb and the country it goes to are no counted noun (not the unit 利比亚)
    ("sweep 36 xwlb_28058", "目前有近2万滞留利比亚的非法移民。", [("近2万", 20_000.0, "", None, "nearly")]),
    # 负 after a linking word is a sign (为负82亿美元, 从负0.1%); closing a word it is none (减负, 税负)
    ("after cctv xwlb_31996", "今年第二季度，外国对美直接投资初值为负82亿美元。",
     [("外国对美直接投资初值为负82亿美元", -8_200_000_000.0, "美元", "外国对美直接投资初值", None)]),
    ("after cctv xwlb_24061", "通过实施重点园区零收费等政策，为企业减负1.9亿元。",
     [("企业减负1.9亿元", 190_000_000.0, "元", "企业减负", None)]),
    # a medal tally: each medal a claim (claim_medal_units.tsv; sweep 44 and grepped articles, 2026-12-07)
    ("after cctv xwlb_22444", "中国羽毛球队在5个大项、22个小项比赛中，获得8金7银7铜的好成绩。",
     [("5个", 5.0, "个", "中国羽毛球队", None), ("22个小项比赛", 22.0, "个", "小项比赛", None),
      ("8金", 8.0, "金", "金牌", None), ("7银", 7.0, "银", "银牌", None), ("7铜", 7.0, "铜", "铜牌", None)]),
    # a sports weight class is an event's name, no weight (claim_weight_class_cues.tsv); a class of a
    # thing stays a claim (the tuned-on tune12 labels 500公斤级)
    ("after cctv xwlb_603", "女子跆拳道49公斤级决赛中，北京奥运会冠军中国选手吴静钰战胜西班牙选手。", []),
    ("after cctv", "以及男子56公斤级、60公斤级、70公斤级共五个项目上夺得金牌。", []),
    ("tune12 xwlb_53877", "可满足500公斤级标准载重、500公里航程。",
     [("满足500公斤", 500.0, "公斤", "满足", None), ("500公里航程", 500.0, "公里", "航程", None)]),
    # 度 after a word of temperature is a temperature (claim_temperature_words.tsv; sweep 45 xwlb_52463)
    ("after cctv xwlb_19775", "从昨天晚上到今天白天，北京和河北大部分地区出现了降雨天气，北京气温骤降10度左右。",
     [("北京气温骤降10度左右", 10.0, "度", "北京气温", "about")]),
    # 为 after a qualifier of approximation (约为, 大约为): the figure is about
    ("after cctv xwlb_10139", "这架飞机今天从老挝首都万象出发，原本计划飞往川圹省，航程约为470公里。",
     [("航程约为470公里", 470.0, "公里", "航程", "about")]),
    # (仅 only stresses the figure: no 为 after it joins the claim, the noun before it is read)
    ("after cctv xwlb_32875", "我国城镇人均住房建筑面积1978年仅为6.7平方米。",
     [("6.7平方米", 6.7, "平方米", "城镇人均住房建筑面积", None)]),
    # numbers listed before a figure share its unit; a second run after 分别 is of the same items
    # (sweep 45 xwlb_68277)
    ("sweep 45 xwlb_68277", "工业增加值、服务业生产指数、社会消费品零售总额、固定资产投资分别同比增长5.9%、5.6%、4%和4.1%，"
                            "比上年全年分别加快0.1、0.4、0.5和0.9个百分点，经济运行起步平稳。",
     [("固定资产投资分别同比增长5.9%", 5.9, "%", "工业增加值", None), ("5.6%", 5.6, "%", "服务业生产指数", None),
      ("4%", 4.0, "%", "社会消费品零售总额", None), ("4.1%", 4.1, "%", "固定资产投资", None),
      ("0.1", 0.1, "个百分点", "工业增加值", None), ("0.4", 0.4, "个百分点", "服务业生产指数", None),
      ("0.5", 0.5, "个百分点", "社会消费品零售总额", None), ("0.9个百分点", 0.9, "个百分点", "固定资产投资", None)]),
    # (two numbers joined by 、 with no 分别 before them are one rough figure, as 六七个小时, 两三百块: not two
    # claims; nor is a model's number before 与/和 a count: 运-20, and no ordinal after 第 is listed)
    ("after cctv xwlb_16124", "这两句话从此开始影响阎肃，少年时，他每天至少要用6、7个小时的时间去阅读。",
     [("7个小时", 7.0, "个小时", "时间", None)]),
    ("review (corpus)", "一个月下来，至少得花2、300块。", [("300块", 300.0, "块", None, None)]),
    ("review (corpus)", "中国空军1架运-20与6架八一飞行表演队歼-10表演机。",
     [("中国空军1架", 1.0, "架", "中国空军", None), ("6架", 6.0, "架", None, None)]),
    ("review (corpus)", "梅西打进了他在西甲赛场上的第251、252和253粒进球。", [("253粒进球", 253.0, "粒", "进球", None)]),
    # 约为: the qualifier holds, the noun is read as without the copula; 北约 is NATO
    ("review (corpus)", "全球外国直接投资总额大幅下降，约为8590亿美元。",
     [("8590亿美元", 859_000_000_000.0, "美元", "全球外国直接投资总额", "about")]),
    ("review", "北约为10个成员国提供装备。", [("10个成员国", 10.0, "个", "成员国", None)]),
    ("review (corpus)", "严重不良反应发生率约为百万分之二。", []),  # (a fraction's denominator: no million)
    # two tallies of one article are two results, even where a count recurs
    ("review", "日本队获得2金1银，韩国队获得2金3铜。",
     [("2金", 2.0, "金", "金牌", None), ("1银", 1.0, "银", "银牌", None), ("2金", 2.0, "金", "金牌", None),
      ("3铜", 3.0, "铜", "铜牌", None)]),
    # a later run with its own items (其中1月和2月) is not given the list's items
    ("review", "出口和进口分别增长5%和6%，其中1月和2月分别为10%和12%。",
     [("出口和进口分别增长5%", 5.0, "%", "出口", None), ("6%", 6.0, "%", "进口", None),
      ("10%", 10.0, "%", "出口和进口", None), ("12%", 12.0, "%", "出口和进口", None)]),
    ("review", "室温下将样品倾斜45度角放置。", []),  # (an angle, whatever the words before)
    # (用 makes a noun's modifier: no preposition split off a made-up word, 路用)
    ("review", "今年路用沥青需求量达到100万吨。",
     [("路用沥青需求量达到100万吨", 1_000_000.0, "吨", "路用沥青需求量", None)]),
]


def test_a_count_changes_no_share_before_it():
    """增加147万人 after 完成全年目标任务的95%，与去年同期相比: the change of a count is not the share's
    (after cctv xwlb_50232); but 3.5个 of 提高3.5个和6个百分点 is points, the share's (tune4 xwlb_55369)."""
    found = rows("1—9月全国城镇新增就业达到1045万人，完成全年目标任务的95%，与去年同期相比，增加147万人。")
    assert found[1] == ("95%", 95.0, "%", "目标任务", None)
    assert found[2][:2] == ("147万人", 1_470_000.0) and found[2][3] != "目标任务"
    found = rows("农作物耕种收综合机械化率超过72%，分别比2017年提高3.5个和6个百分点。")
    assert found[1][:2] == ("3.5个", 3.5) and found[1][3] == "耕种收综合机械化率"


@pytest.mark.parametrize("page,text,expected", REAL, ids=[f"{p}-{t[:10]}" for p, t, _ in REAL])
def test_real_sentence(page, text, expected):
    assert rows(text) == expected


def test_a_negative_figure_written_with_fu():
    """负 after 从/至/为 signs the figure (after cctv xwlb_63109, xwlb_37435)."""
    assert rows("日本央行决定将政策利率从负0.1%提高到0—0.1%范围内。")[0] == ("负0.1%", -0.1, "%", "政策利率", None)
    assert [r[:2] for r in rows("欧洲央行12日宣布，下调欧元区隔夜存款利率至负0.5%。")] == [("负0.5%", -0.5)]


def test_a_length_among_modifiers_names_no_event():
    """为期10年、总额10亿美元的基金: the length is one of a list of modifiers before 的; no event is read
    for it (the rule once took 中国决定设立, the words before 为期)."""
    first = extract_statistics("习近平宣布，中国决定设立为期10年、总额10亿美元的中国-联合国和平与发展基金。", [])[0]
    assert (first.text, first.value, first.unit, first.subject) == ("10年", 10.0, "年", None)


@pytest.mark.parametrize("text", ["目前6个月内有效。", "此前3个月，他一直在外地工作。"])
def test_a_word_ending_in_qian_before_months_leaves_a_length(text):
    """前 opens a reporting period (今年前8个月) only where it ends no other word: 目前 and 此前 are
    words, so 6个月 and 3个月 stay lengths of time."""
    assert [c.unit for c in extract_statistics(text, [])] == ["个月"]
