from newsclean.langid import detect


def test_languages():
    assert detect("上海启动生物医药产业投资促进伙伴计划，2023年产业规模目标超过9000亿元。") == "zh"
    assert detect("Die Bundesregierung hat heute beschlossen, dass die Steuern im nächsten Jahr sinken.") == "de"
    assert detect("The government announced on Tuesday that taxes will fall next year.") == "en"
    assert detect("Le gouvernement a annoncé mardi que les impôts baisseront l'année prochaine.") == "fr"


def test_too_little_text():
    assert detect("") is None
    assert detect("ok 123") is None


def test_long_text_is_cut():
    assert detect("Das ist ein ganz normaler deutscher Satz über das Wetter. " * 2000) == "de"
