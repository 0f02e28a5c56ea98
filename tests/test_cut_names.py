"""Two-character names the model cut before their third character (pipeline/entities/cut_names.py): the
truncations of the tuned-on CCTV sets (each a wrong person and a missed one), and the candidates of
3,700 unlabelled articles that stay as tagged — on the articles' own sentences."""
import pytest

from test_entities import entities


@pytest.mark.parametrize("text, name, titles", [
    # tune22 xwlb_53801, tune17 xwlb_56177, tune6 xwlb_54130, tune23 xwlb_40960
    ("为了抢农时，当地大面积推广机插秧。种粮大户宋维大就新添了两台无人机。", "宋维大", ["种粮大户"]),
    ("各村纷纷行动起来。住在球场附近的杨光红家正在拆老房，准备建新房。", "杨光红", []),
    ("云南民族大学毕业生蔡汉左教的是数学，为了加深学生对知识点的理解，她开始带着学生一起制作教学道具。", "蔡汉左", ["毕业生"]),
    ("1922年，刘谦初考入北京燕京大学，并与李大钊领导的学生组织建立了秘密联系。", "刘谦初", []),
])
def test_a_name_cut_before_its_third_character_is_finished(text, name, titles):
    people, _, _ = entities(text)
    by_name = {p.name: p for p in people}
    assert name in by_name and name[:2] not in by_name
    assert by_name[name].titles == titles
    assert text[by_name[name].start:by_name[name].end] == name


def test_a_whole_name_and_a_name_before_a_word_stay():
    # 刘谦初 twice: the rule reads every mention (刘谦 + 初 each time, where the model cuts it)
    people, _, _ = entities("刘谦初，1897年出生于山东平度。1922年，刘谦初考入北京燕京大学。")
    assert [p.name for p in people] == ["刘谦初"]
    # 杨春 + 生前: the third character opens a word of the clause
    people, _, _ = entities("杨春生前是福建省宁德市公安局蕉城分局副局长。")
    assert "杨春生" not in [p.name for p in people]


@pytest.mark.parametrize("text, wrong", [
    ("柬埔寨王宫外广场上，并排矗立着习近平主席和柬埔寨国王西哈莫尼的巨幅画像。", "王宫外"),
    ("习近平指出，贺卡上的照片让我想起了去年在“少年警讯”永久活动中心跟你们见面的情景。", "贺卡上"),
    ("另据英国《独立报》报道，有证据显示飞机在雷达上消失前高空降落时间至少为18分钟。", "雷达上"),
])
def test_a_word_before_a_postposition_is_not_finished(text, wrong):
    # the model gives these "names" no chance of going on (0.007 or less): 0.02 is the floor (贺卡上
    # comes out with no floor; 王宫 and 雷达 are dropped by other rules too)
    people, _, _ = entities(text)
    assert wrong not in [p.name for p in people]

