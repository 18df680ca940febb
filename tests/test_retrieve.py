"""retrieve.py: Dutch BM25 tokenisation and the hybrid retriever on the real index."""

from __future__ import annotations

import numpy as np

from assistant.retrieve import (
    GLOSSARY,
    LEXICON_FILE,
    Retriever,
    lexicon,
    normalize_number,
    synonyms,
    term_groups,
    tokenize,
    translations,
)
from assistant.settings import ROOT


def test_tokenize_stems_drops_stop_words_and_normalises_numbers() -> None:
    tokens = tokenize("De openstaande vacatures in de industrie: 28.000")
    assert "de" not in tokens and "28000" in tokens
    assert tokenize("vacature") == tokenize("vacatures")
    assert normalize_number("4,5") == "4,5"


def test_an_apostrophe_ending_is_no_word() -> None:
    """'WW'ers' is WW, not WW and a rare word 'er' that no answer holds."""
    assert tokenize("WW'ers") == tokenize("WW’er") == tokenize("WW") == ["ww"]
    assert tokenize("mbo’ers en hbo'ers") == ["mbo", "hbo"]


def test_units_are_words_of_dutch_text() -> None:
    """The long English stop list has "km" and "mw", which Dutch text uses for what a figure
    measures ("20 km vanuit de kust", "500 MW")."""
    assert tokenize("20 km vanuit de kust")[:2] == ["20", "km"]
    assert "mw" in tokenize("een capaciteit van 500 MW")
    # study credits and megatonnes: "een hbo-certificaat (5EC)", "103 Mt"
    assert tokenize("een hbo-certificaat (5EC)")[-2:] == ["5", "ec"]
    assert "mt" in tokenize("103 Mt in 2030")
    assert "hr" in tokenize("de ondervraagde HR-beslissers")  # human resources


def test_co2_is_one_word() -> None:
    """CO₂ and CO2 are "co2", not the stop word "co" and the number 2."""
    assert tokenize("CO₂") == tokenize("CO2") == ["co2"]
    assert "co2" in tokenize("de CO₂-uitstoot") and "2" not in tokenize("de CO₂-uitstoot")


def test_english_terms_are_expanded_to_dutch() -> None:
    assert set(tokenize("vacatures industrie")) <= set(
        tokenize("open vacancies industry", expand_english=True)
    )


def test_term_groups_keep_a_word_and_its_translations_together() -> None:
    groups = term_groups("How high was unemployment in 2025", expand_english=True)
    unemployment = next(g for g in groups if tokenize("werkloosheid")[0] in g)
    assert set(tokenize("WW")) <= set(unemployment)  # both translations, one group
    assert ("2025",) in groups
    assert term_groups("openstaande vacatures") == [(s,) for s in tokenize("openstaande vacatures")]
    # without expansion an English word is only itself
    assert term_groups("vacancies") == [tuple(tokenize("vacancies"))]


def test_dutch_synonyms_join_a_word_group() -> None:
    (homes,) = term_groups("woningen")
    assert set(tokenize("huizen")) <= set(homes) and homes[0] == tokenize("woningen")[0]
    assert term_groups("warmtepomp") == [tuple(tokenize("warmtepomp"))]  # no synonyms: itself
    (first,) = term_groups("voorrang")  # "met voorrang inzetten": "prioritair inzetten"
    assert set(tokenize("prioritair")) <= set(first)
    (extra,) = term_groups("extra")  # "welke extra opleiding": "een aanvullende opleiding"
    assert set(tokenize("obstakel")) <= set(term_groups("struikelblok")[0])
    assert set(tokenize("inmiddels")) <= set(term_groups("momenteel")[0])  # the latest figure
    assert set(tokenize("aanvullende")) <= set(extra)
    (funding,) = term_groups("financiering")  # of education: "de bekostiging van het mbo"
    assert set(tokenize("bekostiging")) <= set(funding)
    (running,) = term_groups("draaien")  # a plant or project: "in 2026 operationeel"
    assert set(tokenize("operationeel")) <= set(running)


def test_the_parts_of_a_hyphenated_english_word_are_translated() -> None:
    groups = term_groups("financial-administrative staff", True)
    assert any(set(tokenize("financieel")) <= set(g) for g in groups)
    assert set(tokenize("financieel")) <= set(tokenize("financial-administrative", True))


def test_an_english_word_translated_whole_is_not_read_in_its_parts() -> None:
    """'part-time' is deeltijd, not 'deel' (the 'overgrote deel') and 'tijd'; a Dutch
    hyphenated word keeps its parts."""
    groups = term_groups("what proportion are employed part-time?", True)
    assert any(set(tokenize("deeltijd")) <= set(g) for g in groups)
    assert not any(set(tokenize("deel")) & set(g) for g in groups)
    assert not any(set(tokenize("tijd")) & set(g) for g in groups)
    dutch = term_groups("hbo-bachelorstudenten in 2022")
    assert any(set(tokenize("bachelorstudenten")) <= set(g) for g in dutch)


def test_bm25_searches_synonyms_too(assistant) -> None:
    """The report writes 'belangrijkste oorzaak'; the question says 'voornaamste'."""
    hits = assistant.retriever.bm25_search(
        "Wat is volgens bedrijven de voornaamste oorzaak van het technicitekort?", 10
    )
    assert any("belangrijkste oorzaak" in chunk.text for chunk, _ in hits[:3])


def test_survey_words_search_the_respondents_but_do_not_answer() -> None:
    """'ondervraagde' finds a method section's 'respondenten'; the answerer does not read
    them as one word (sentences near it count other groups of respondents)."""
    assert "respondent" in synonyms(search=True)[tokenize("ondervraagde")[0]]
    assert "respondent" not in synonyms().get(tokenize("ondervraagde")[0], ())


def test_a_question_on_surveyed_people_finds_the_respondents(assistant) -> None:
    question = "Hoe oud waren de ondervraagde potentiële zij-instromers minstens?"
    hits = assistant.retriever.bm25_search(question, 10)
    assert any("duizend respondenten van 18 jaar" in chunk.text for chunk, _ in hits[:3])
    assert "18 jaar" in assistant.ask(question).answer


def test_adjoining_chunks_of_one_document(assistant) -> None:
    retriever = assistant.retriever
    chunks = retriever.chunks
    i = next(i for i in range(1, len(chunks) - 1) if chunks[i - 1].source == chunks[i].source)
    assert retriever.preceding(chunks[i]) == chunks[i - 1]
    assert retriever.following(chunks[i - 1]) == chunks[i]
    first = next(i for i in range(1, len(chunks)) if chunks[i - 1].source != chunks[i].source)
    assert retriever.preceding(chunks[first]) is None  # another document
    assert retriever.preceding(chunks[0]) is None


SEEDS = ROOT / "seeds"


def test_the_lexicon_translates_english_into_words_of_the_corpus() -> None:
    lex = lexicon()
    assert "laadpalen" in lex["charging points"] and "bouw" in lex["construction"]
    assert "geraadpleegd" in lex["looked up"]  # "Bron: ..., geraadpleegd op 06-02-2024"
    # "which occupational skill level are they mostly recruiting for": "vooral ... beroepsniveau"
    assert "vooral" in lex["mostly"] and "beroepsniveau" in lex["skill level"]
    # "finance & admin clerks": "Financieel-administratief medewerkers"
    assert "financieel-administratief" in lex["admin"] and "medewerkers" in lex["clerks"]
    # "technicians quitting to go freelance ... staffing headaches": zzp, ergernissen
    assert "zzp" in lex["freelance"] and "ergernissen" in lex["headaches"]
    assert all(1 <= len(words) <= 4 for words in lex.values())
    corpus = " ".join(p.read_text(encoding="utf-8").lower() for p in SEEDS.glob("*.txt"))
    dutch = {
        w
        for line in LEXICON_FILE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
        for w in [line.split("\t")[0]]
    }
    assert sum(w in corpus for w in dutch) / len(dutch) > 0.95  # words of these reports


def test_translations_prefer_the_glossary_and_two_word_terms() -> None:
    assert translations("vacancies")[0] == GLOSSARY["vacancies"].split()
    words, used_next = translations("charging", "points")
    assert used_next and "laadpalen" in words
    assert translations("danish") == (["deense"], False)
    assert translations("zzzunknown") == ([], False)
    # informal and hyphenated English: a hyphenated word is translated whole
    assert translations("techs")[0] == ["technici"]
    # "(lead) operators" are the reports' "(Hoofd)operators"; "lead to" still leads
    assert {"hoofd", "leiden"} <= set(translations("lead")[0])
    # "technicians who responded": the reports' "respondenten", not "reageren"
    assert translations("responded")[0] == ["respondenten"]
    assert translations("properly")[0] == ["goed"]  # "properly trained": "goed geschoold"
    # a phrasal verb: "go up" is stijgen, not gaan
    assert "stijgen" in translations("go", "up")[0]
    # data "opgevraagd" from a source is data "geraadpleegd"
    assert set(tokenize("geraadpleegd")) <= set(term_groups("opgevraagd")[0])
    # "the amount they spend" is no "hoeveel(heid)", which matches "niet weten hoeveel"
    amount = term_groups("the amount they spend", expand_english=True)
    assert not any(set(tokenize("hoeveel hoeveelheid")) & set(g) for g in amount)
    groups = term_groups("What share of side-entrants want no training?", expand_english=True)
    assert any(set(tokenize("zij-instromers")) & set(g) for g in groups)


def test_an_unknown_compound_splits_into_known_words(assistant) -> None:
    """Lesgeld is "les" and "geld"; "verlaging" is no "ver" (far) and "laag", which matched
    "laag- en middenspanning"."""
    retriever = assistant.retriever
    assert retriever.decompose(tokenize("lesgeld")[0]) == tokenize("les geld")
    assert retriever.decompose(tokenize("verlaging")[0]) is None


def test_bm25_mirrors_the_chroma_index(assistant) -> None:
    assert len(assistant.retriever.chunks) == assistant.store.count() > 100


def test_dense_search_is_exact_and_repeatable(assistant) -> None:
    question = "Hoeveel openstaande vacatures waren er eind 2025 in de industrie?"
    hits = assistant.retriever.dense_search(question, 10)
    chunks, vectors = assistant.store.all_vectors()
    q = np.asarray(assistant.store.embedder.embed_query(question))
    sims = vectors @ q / (np.linalg.norm(vectors, axis=1) * np.linalg.norm(q))
    assert hits[0][0].id == chunks[int(np.argmax(sims))].id  # the true nearest chunk
    assert abs(hits[0][1] - float(sims.max())) < 1e-4
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True)
    assert hits == assistant.retriever.dense_search(question, 10)


def test_beyond_the_exact_limit_chroma_searches(assistant) -> None:
    settings = assistant.settings.model_copy(update={"exact_search_max": 0})
    retriever = Retriever(assistant.store, settings)
    question = "Hoeveel openstaande vacatures waren er eind 2025 in de industrie?"
    hits = retriever.dense_search(question, 5)
    assert len(hits) == 5 and retriever._vectors is None
    exact = {c.id for c, _ in assistant.retriever.dense_search(question, 10)}
    assert hits[0][0].id in exact


def test_hybrid_search_finds_the_evidence(assistant) -> None:
    ranked = assistant.retriever.search(
        "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?", 10
    )
    assert len(ranked) >= 10
    assert any("28.000 vacatures aan het eind van 2025" in p.chunk.text for p in ranked[:5])
    assert all(a.score >= b.score for a, b in zip(ranked, ranked[1:], strict=False))


def test_english_question_retrieves_dutch_passages(assistant) -> None:
    ranked = assistant.retriever.search("How many temporary agency workers work in industry?", 10)
    assert any("uitzendkrachten" in p.chunk.text for p in ranked[:5])


def test_abbreviated_months_are_the_months() -> None:
    assert tokenize("WW okt 2025") == tokenize("WW oktober 2025")
    assert tokenize("Oct 2025", expand_english=True) == tokenize("oktober 2025")
    assert tokenize("mei") == tokenize("mei")  # "mar"/"may" are no abbreviations here


def test_english_questions_keep_the_content_words_of_the_long_stop_list() -> None:
    """The stop-words package's English list holds "open", "older", "young", "highest"."""
    groups = term_groups("Which share was older, and were they open to a switch?", True)
    stems = {s for g in groups for s in g}
    assert set(tokenize("ouder openstaande")) <= stems
    assert not set(tokenize("which were")) & stems  # real stop words still go
    # words that only ask: "what do they say", "according to the paper"
    said = term_groups("Which plan do they say it follows, according to the paper?", True)
    assert not {s for g in said for s in g} & set(tokenize("zegt inspraak volgens"))
    # "both" is the Dutch content word "zowel" ("zowel kwantitatief als kwalitatief")
    both = term_groups("A shortage that is both quantitative and qualitative?", True)
    assert set(tokenize("zowel")) <= {s for g in both for s in g}
    # Dutch text keeps the long list ("qua" is no term of a Dutch question)
    assert term_groups("Welke sectoren waren qua banen groter?") == term_groups(
        "Welke sectoren waren banen groter?"
    )


def test_conjunctions_are_stop_words_and_synonyms_match() -> None:
    """'terwijl' is no topic of a why-question; 'genoeg' is 'voldoende', 'hooguit' is
    'maximaal' (not 'hoog' and 'uit'), 'vervuld' is 'ingevuld'."""
    assert tokenize("terwijl hoewel doordat zodat echter") == []
    assert tokenize("binnen het personeelsbestand") == tokenize("personeelsbestand")
    for word, same in [
        ("genoeg", "voldoende"),
        ("hooguit", "maximaal"),
        ("hooguit", "max"),  # "WW, max 6 maanden"
        ("gepolst", "benaderd"),  # "benaderd voor een andere functie"
        ("vervuld", "ingevuld"),
        ("opgevuld", "ingevuld"),
        ("moederbedrijf", "hoofdkantoor"),
        ("begint", "start"),
        ("sectoren", "industrietakken"),
        ("deeltijd", "parttime"),
        ("groepen", "categorieën"),
        ("opgewarmd", "verwarmd"),
        ("plussers", "ouder"),  # "55-plussers": "55 jaar of ouder"
        ("geïmporteerde", "ingevoerde"),
        ("leunen", "afhankelijkheid"),  # "minder leunen op": "de afhankelijkheid verminderen"
    ]:
        assert set(tokenize(same)) <= set(term_groups(word)[0])
    assert "uitdagingen" in translations("hurdles")[0]
    assert "elektrische" in translations("ev")[0]  # "EV chargers": the reports write it out


def test_a_two_word_term_goes_before_the_glossary_word() -> None:
    """'staff shortages': personeelstekorten; 'grid operators' are netbeheerders, not a
    separate group of operators (an occupation the passage would have to name)."""
    words, used_next = translations("staff", "shortages")
    assert used_next and "personeelstekorten" in words
    assert translations("staff") == ([GLOSSARY["staff"]], False)
    groups = term_groups("Why are grid operators slowing it down?", expand_english=True)
    assert not any(g == tuple(tokenize("operators")) for g in groups)


def test_a_part_time_job_is_part_time_work() -> None:
    """'have a part-time job': the reports' 'werkt parttime', not only a 'bijbaan' (a side
    job, which they name once)."""
    (group,) = term_groups("part-time job", expand_english=True)
    assert {*tokenize("parttime"), *tokenize("deeltijd"), *tokenize("bijbaan")} <= set(group)


def test_the_shore_is_the_coast_and_bad_news_a_disadvantage() -> None:
    """'how many kilometres from the shore': 'ongeveer 20 km vanuit de kust'; 'why is the
    stress particularly bad news for firms': 'Dat is nadelig: ...'."""
    assert "kust" in translations("shore")[0]
    assert translations("bad", "news") == (["nadelig"], True)


def test_a_plural_the_lexicon_has_only_in_the_singular_is_translated() -> None:
    # the lexicon has "theme" and "body"; an advisor asks "how many themes"
    assert translations("themes") == translations("theme") and "thema" in translations("themes")[0]
    assert translations("bodies") == translations("body") != ([], False)
    assert translations("zzzunknowns") == ([], False)


def test_one_thing_by_its_other_dutch_words() -> None:
    for asked, written in (
        ("vakmensen", "vakkrachten"),
        ("vervoeren", "transport"),
        ("hernieuwbare", "duurzame"),
        ("opslaan", "opslag"),
        ("verbruiken", "gebruik"),
        ("onmisbaar", "cruciaal"),  # "kennisgebieden die cruciaal zijn voor ..."
        ("octrooiaanvragen", "patenten"),  # "de meeste patenten worden aangevraagd vanuit"
        ("stadsverwarming", "warmtenet"),
        ("Rijk", "overheid"),  # "de ambitie van het Rijk": "De overheid streeft ernaar ..."
        ("fasen", "stappen"),  # "De vier stappen van competentiemanagement"
    ):
        (group,) = term_groups(asked)
        assert set(tokenize(written)) <= set(group), asked
    (group,) = term_groups("werkloosheidsuitkering")  # "mensen met een WW-uitkering"
    assert tokenize("WW-uitkering")[0] in group


def test_hedges_are_no_topic_and_informal_english_is_translated() -> None:
    assert term_groups("Roughly what percentage?", expand_english=True) == term_groups(
        "What percentage?", expand_english=True
    )
    assert term_groups("ongeveer hoeveel procent") == term_groups("hoeveel procent")
    (group,) = term_groups("sounded out", expand_english=True)
    assert set(tokenize("benaderd")) <= set(group)
    (group,) = term_groups("thinking about", expand_english=True)
    assert set(tokenize("overwegen")) <= set(group)


def test_flemish_and_dutch_words_for_one_thing() -> None:
    (group,) = term_groups("werkgelegenheid")  # the Flemish report writes "tewerkstelling"
    assert set(tokenize("tewerkstelling")) <= set(group)
    (group,) = term_groups("banen")
    assert set(tokenize("jobs")) <= set(group)
    (group,) = term_groups("krachtig")
    assert set(tokenize("sterk")) <= set(group)
    assert "obstakel" in translations("obstacle")[0]
