"""answer.py: the extractive answerer and the Assistant facade, on the real index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.answer import (
    ABSOLUTE,
    CHANGE,
    DATELINE,
    DURATION,
    LAST_YEAR_ASKED,
    LAST_YEAR_TOLD,
    SINCE,
    SPELLED_SPAN,
    SUBGROUP,
    UNTIL,
    Choice,
    QuestionError,
    W,
    analyse,
    asked_abbreviation,
    asked_kind,
    asked_scopes,
    authors_in,
    candidate_spans,
    choice_asked,
    counted_after,
    counted_unit,
    counts_else,
    counts_head,
    counts_people,
    detect_language,
    expand_contractions,
    figure_sides,
    figure_value,
    figures_of,
    figures_of_scope,
    figures_of_year,
    has_term,
    in_digits,
    is_row,
    is_title,
    labels_in,
    locate,
    matches,
    measures_other,
    months_named,
    names_kind,
    names_sector,
    numbers_supported,
    occurrences,
    panels,
    question_kind,
    reach,
    relaxed,
    rerank,
    scope_conflict,
    share_of,
    spelled_numbers,
    spells_out,
    stem_set,
    subgroup,
    table_cell,
    total_for_one,
    window,
    with_previous_year,
    without_qualifiers,
    year_marks,
)
from assistant.chunk import is_footnote, squash
from assistant.retrieve import plain_form, term_groups, tokenize
from assistant.settings import ROOT

QUESTION = "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?"
KEYS = {"question", "answer", "abstained", "citations", "retrieved"}
CITATION_KEYS = {"source", "title", "date", "page", "line_start", "line_end", "quote"}


def cited_texts(citation: dict) -> tuple[str, str]:
    """The cited lines, as they are and with the footnote lines inside them skipped (the
    chunks keep footnotes apart; a quote may be a footnote itself)."""
    lines = (ROOT / "seeds" / citation["source"]).read_text(encoding="utf-8").split("\n")
    cited = lines[citation["line_start"] - 1 : citation["line_end"]]
    return "\n".join(cited), "\n".join(line for line in cited if not is_footnote(line))


def test_the_28000_question(assistant) -> None:
    data = assistant.ask(QUESTION).to_dict()
    assert set(data) == KEYS
    assert not data["abstained"]
    assert "28.000" in data["answer"] and len(data["answer"]) <= 400
    first = data["citations"][0]
    assert set(first) == CITATION_KEYS
    assert first["source"] == "000_fca8a34147c59f77.txt"
    assert first["title"] and first["date"]
    raw = " ".join(cited_texts(first)[1].split())
    assert "2 8.000 vacatures aan het eind van 2025" in raw
    assert len(data["retrieved"]) >= 10
    assert all(
        set(p) == {"source", "text", "score", "page", "line_start", "line_end"}
        for p in data["retrieved"]
    )


def test_retrieved_lists_first_the_passage_the_answer_is_read_from(assistant) -> None:
    # retrieval ranks the survey's method section tenth; its sentence answers the question
    question = (
        "Hoeveel potentiële zij-instromers hebben er meegedaan aan het onderzoek "
        "voor de TechBarometer 2024?"
    )
    fused = assistant.retriever.search(question, 10)
    answer = assistant.ask(question)
    quote = answer.citations[0].quote
    assert not answer.abstained and quote not in fused[0].chunk.text
    first = answer.retrieved[0]
    assert quote in first.chunk.text and first.score == pytest.approx(answer.confidence)
    scores = [p.score for p in answer.retrieved]
    assert scores == sorted(scores, reverse=True)
    assert {p.chunk.id for p in answer.retrieved} == {p.chunk.id for p in fused}


def test_passages_beyond_the_ten_read_are_listed_after_them(assistant) -> None:
    fused = assistant.retriever.search(QUESTION, 15)
    listed = assistant.ask(QUESTION, k=15).retrieved
    assert len(listed) == 15
    assert {p.chunk.id for p in listed[:10]} == {p.chunk.id for p in fused[:10]}
    assert {p.chunk.id for p in listed[10:]} == {p.chunk.id for p in fused[10:]}


def test_rerank_puts_a_passage_without_a_scored_sentence_last(assistant) -> None:
    from assistant.models import Chunk, Passage

    def passage(i: int, text: str) -> Passage:
        chunk = Chunk(f"c{i}", "x.txt", text, "", None, "", None, None, None)
        return Passage(chunk=chunk, score=0.03 - i / 1000)

    bare, told = passage(0, "Inhoud"), passage(1, "Eind 2025 waren er 28.000 vacatures.")
    asked = assistant.scorer.asked(analyse(QUESTION))
    listed = rerank([bare, told], assistant.read(asked, [bare, told]))
    assert [p.chunk.id for p in listed] == ["c1", "c0"]
    assert listed[0].score > 0.5 and listed[1].score == bare.score


def test_chamber_of_commerce_is_the_kvk(assistant) -> None:
    # "Chamber" and "Commerce" are no words of the Dutch text; "de Kamer van Koophandel" is
    answer = assistant.ask("How many plumbing firms are registered with the Chamber of Commerce?")
    assert not answer.abstained and "10.000 loodgietersbedrijven" in answer.answer


def test_english_question_on_dutch_text(assistant) -> None:
    answer = assistant.ask("How many open vacancies did industry have at the end of 2025?")
    assert not answer.abstained and "28.000" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel vacatures had de zorgsector in Japan in 1990?",
        "Hoeveel mensen uit de industrie hadden in december 2018 een WW-uitkering?",
        "What is the unemployment rate in Japan?",
    ],
)
def test_abstains_when_the_documents_do_not_say(assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.abstained
    assert answer.to_dict()["answer"] == "" and answer.to_dict()["citations"] == []


def test_contractions_are_read_written_out(assistant) -> None:
    assert expand_contractions("What's the pay? They aren't, CBS's survey") == (
        "What is the pay? They are not, CBS's survey"  # a possessive stays
    )
    question = (
        "According to the Nationale Beroepengids, what's the average gross monthly pay for a "
        "technician in the chemicals, oil and energy sector?"
    )
    answer = assistant.ask(question)
    assert "4.729" in answer.answer and answer.question == question  # as asked


def test_figures_without_a_word_are_no_answer(assistant) -> None:
    # the chart's data labels "33 6,2 29,7" do not say what they are; "103 Mton" beside
    # "Doel 2030" does
    answer = assistant.ask(
        "The TechBarometer includes a chart based on the 2023 Klimaatnota. What emissions "
        "target for 2030 does it show, in megatonnes?"
    )
    assert "103 Mton" in answer.answer and "6,2" not in answer.answer


def test_technicians_pay_does_not_answer_for_career_switchers(assistant) -> None:
    # "Gemiddeld gezien verdienen technici € 3.111" is what technicians earn
    answer = assistant.ask(
        "What gross monthly pay do most would-be career switchers expect to earn if they "
        "moved into a technical job?"
    )
    assert "3.500" in answer.answer and "3.111" not in answer.answer


def test_an_abbreviation_asked_is_answered_by_what_spells_it_out(assistant) -> None:
    assert asked_abbreviation("Waar staat PLC eigenlijk voor?") == "PLC"
    assert asked_abbreviation("Waar is PLC een afkorting van?") == "PLC"
    assert asked_abbreviation("What does SERV stand for?") == "SERV"
    assert asked_abbreviation("Waar staat de industrie?") is None
    assert spells_out("PLC", "PLC staat voor 'programmable logic controller'")
    assert spells_out("SERV", "de Sociaal-Economische Raad van Vlaanderen")  # parts, 'van'
    assert not spells_out("PLC", "bij industriële automatiseerders en PLC-programmeurs")
    answer = assistant.ask(
        "Een vacature voor een programmeur industriële automatisering vraagt PLC-kennis. "
        "Waar staat PLC eigenlijk voor?"
    )
    assert "programmable logic controller" in answer.answer
    # also when the words around it match a sentence on PLC programmers better
    answer = assistant.ask("PLC-programmeur gezocht – waar is PLC een afkorting van?")
    assert "programmable logic controller" in answer.answer


def test_last_years_figure_is_not_answered_by_this_years(assistant) -> None:
    # "De meeste bedrijven (69 procent) ... voelen de verantwoordelijkheid" is 2024's figure;
    # the report does not give the year before's
    answer = assistant.ask(
        "Welk deel van de technische bedrijven voelde in de TechBarometer van vorig jaar de "
        "verantwoordelijkheid om te verduurzamen?"
    )
    assert answer.abstained
    assert LAST_YEAR_ASKED.search("What share said so in last year's survey?")
    assert LAST_YEAR_TOLD.search("Dat is minder dan vorig jaar (61 procent).")
    assert not LAST_YEAR_TOLD.search("De meeste bedrijven (69 procent) voelen dat.")


def test_how_many_filled_in_the_survey_is_a_count_of_respondents(assistant) -> None:
    """'Hoeveel technici vulden de vragenlijst in': a count, which a share of the technicians
    ('27 procent') does not give; 'hoeveel van de technici zeggen ...' is answered by one."""

    def kinds(question: str) -> tuple[str, ...]:
        return assistant.scorer.asked(analyse(question)).figure_kinds

    assert kinds("Hoeveel technici vulden de vragenlijst in voor de TechBarometer?") == ("number",)
    assert kinds("Hoeveel technici deden mee aan de vorige editie?") == ("number",)
    assert kinds("How many technicians filled in the survey?") == ("number",)
    assert "percentage" in kinds("Hoeveel technici vinden de energietransitie onhaalbaar?")


def test_a_ratio_of_the_working_age_population_is_a_share_not_an_age(assistant) -> None:
    """'de verhouding tussen 65-plussers en mensen in de werkzame leeftijd' asks the grey
    pressure, a share ('34 procent'); 'werkzame leeftijd' asks no age."""
    question = (
        "CBS-cijfers over 2023: hoe groot was in Nederland de verhouding tussen 65-plussers en "
        "mensen in de werkzame leeftijd, oftewel de grijze druk?"
    )
    asked = assistant.scorer.asked(analyse(question))
    assert not asked.asks_duration and "percentage" in asked.figure_kinds
    assert assistant.scorer.asked(
        analyse("Op welke leeftijd gaan technici met pensioen?")
    ).asks_duration
    answer = assistant.ask(question)
    assert not answer.abstained and "34 procent" in answer.answer


def test_over_the_last_year_is_the_year_up_to_now(assistant) -> None:
    """'Over the last year' is 'het afgelopen jaar' of the report, not last year's edition."""
    question = (
        "Over the last year, what proportion of technicians got an approach about moving to a "
        "different job or role?"
    )
    assert not LAST_YEAR_ASKED.search(question)
    assert LAST_YEAR_ASKED.search("What share did so last year?")
    answer = assistant.ask(question)
    assert not answer.abstained and "70 procent" in answer.answer


def test_abstention_message_follows_the_question_language(assistant) -> None:
    assert "documenten" in assistant.ask("Hoeveel banen had Japan in 1990?").answer
    assert "documents" in assistant.ask("How many jobs did Japan have in 1990?").answer


def test_conflicting_figures_are_shown_side_by_side(assistant) -> None:
    answer = assistant.ask("Welk percentage van de werknemers in de industrie is 60 jaar of ouder?")
    assert answer.conflict and not answer.abstained
    assert "13%" in answer.answer and "14%" in answer.answer
    assert {c.source for c in answer.citations} == {
        "004_0d68179d072f46eb.txt",
        "000_fca8a34147c59f77.txt",
    }


@pytest.mark.parametrize(
    ("question", "figure", "other"),
    [
        # 168 Mton is of 2021, in a passage that does not name the Klimaatnota
        (
            "What did the Netherlands emit in greenhouse gases in 1990, in Mton, according to "
            "the Klimaatnota graph?",
            "228,9",
            "168",
        ),
        # the 12% of Rotterdam/Moerdijk is of another region
        (
            "Hoeveel procent van de industriewerknemers in het Noordzeekanaalgebied was eind "
            "2022 zestig jaar of ouder?",
            "13%",
            "12%",
        ),
    ],
)
def test_a_figure_that_would_not_answer_itself_is_no_conflicting_figure(
    assistant, question: str, figure: str, other: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained and not answer.conflict
    assert figure in answer.answer and other not in answer.answer


def test_a_passage_with_the_required_name_answers(assistant) -> None:
    """The best sentence's passage lacks the source the question names ('Nationale
    Beroepengids'); the salary table printed above that source line answers."""
    answer = assistant.ask(
        "According to the Nationale Beroepengids, what is the average gross monthly pay of a "
        "technician working in engineering?"
    )
    assert not answer.abstained and "3.622" in answer.answer


def test_citations_hold_their_quotes_over_the_evaluation_questions(assistant) -> None:
    questions = [json.loads(x) for x in (ROOT / "eval" / "questions.jsonl").open()]
    checked = 0
    for q in questions:
        for c in assistant.ask(q["question"]).to_dict()["citations"]:
            assert any(squash(c["quote"]) in squash(t) for t in cited_texts(c)), (q["id"], c)
            checked += 1
    assert checked >= 50


def test_every_number_in_an_answer_is_in_a_quote(assistant) -> None:
    questions = [json.loads(x) for x in (ROOT / "eval" / "questions.jsonl").open()][:40]
    for q in questions:
        a = assistant.ask(q["question"])
        if not a.abstained:  # the "([1], 2026-02)" source labels are not figures
            figures = re.sub(r"\(\[\d+\], [^)]*\)", "", a.answer)
            assert numbers_supported(figures, [c.quote for c in a.citations]), q["id"]


def test_bad_questions(assistant) -> None:
    with pytest.raises(QuestionError):
        assistant.ask("   ")
    with pytest.raises(QuestionError):
        assistant.ask("waarom " * 200)
    with pytest.raises(QuestionError):
        assistant.ask(None)  # type: ignore[arg-type]


def test_documents_and_context(assistant) -> None:
    docs = assistant.documents()
    assert len(docs) == 5 and all(d["chunks"] > 0 and d["title"] for d in docs)
    view = assistant.document_text("000_fca8a34147c59f77.txt", 335, 335, context=2)
    cited = [x for x in view["lines"] if x["cited"]]
    assert [x["n"] for x in cited] == [335] and "2 8.000" in cited[0]["text"]
    assert len(view["lines"]) == 5
    with pytest.raises(KeyError):
        assistant.document_text("nope.txt", 1, 1)
    with pytest.raises(ValueError):
        assistant.document_text("000_fca8a34147c59f77.txt", 10, 5)


# ---- pure parts


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hoeveel vacatures waren er eind 2025?", "number"),
        ("Welk percentage van de werkgevers ervaart onzekerheid?", "percentage"),
        ("What share of technicians is satisfied?", "percentage"),
        ("Wanneer presenteerde de regering de Klimaatnota?", "date"),
        ("Waarom is er een tekort aan technici?", "explanation"),
        ("Welke organisaties schreven het position paper?", "entity"),
        ("How long does the programme take?", "number"),
        # "when" later in the sentence is a conjunction, not the question word
        ("Which three bottlenecks do SMEs face when they raise productivity?", "entity"),
        ("In welke deelsector is de krimp het grootst?", "entity"),
        ("In welk jaar begon de TechBarometer?", "date"),
        ("Op welke datum was het debat?", "date"),
        ("Tot welk bedrag wil het kabinet de salariseis verhogen?", "number"),
        # "welke X" asks for things, even with "aantal" later in the question
        ("Welke sectoren waren in 2022 qua aantal banen groter dan de industrie?", "entity"),
        ("Welk aantal vacatures stond eind 2025 open?", "number"),
        ("What is the average gross monthly salary of technicians?", "number"),
        ("Wat is het gemiddelde bruto maandsalaris van een technicus?", "number"),
        ("Gemiddeld bruto maandloon van een technicus in de elektrotechniek?", "number"),
        # "who" deep in the sentence is a relative pronoun
        ("Among agency workers who now claim benefits, how many are over 55?", "number"),
        # a percentage the question states is not the one it asks
        (
            "Firms emitted over 8% less CO2 in 2022. What caveat does the report put on it?",
            "entity",
        ),
        ("Wat is de oorzaak van de daling van 8 procent?", "explanation"),
        ("What % of firms expect growth?", "percentage"),
        # "welk jaar" asks a date, even with "aantal" later in the question
        ("Sinds welk jaar loopt het aantal vacatures op?", "date"),
        # measures and amounts: a figure answers
        ("Porthos – how deep do they pump the CO2 into the empty gas fields?", "number"),
        ("What temperature does it keep the greenhouse water circuit at?", "number"),
        ("What is the target for 2030 in megatonnes?", "number"),
        ("What level, in Mt, does it give as the 2030 goal?", "number"),
        ("To what level will the cabinet raise the salary threshold for migrants?", "number"),
        ("Wat zijn de kosten van het project?", "number"),
        ("Wat zou die maatregel volgens hen per jaar kosten?", "number"),
        ("What would the new plant cost?", "number"),
        ("What time span in months does that refer to?", "number"),
        # in a question of several sentences the asking one decides
        ("Het aantal WW'ers stijgt niet duidelijk. Hoe verklaart het rapport dat?", "explanation"),
        ("Firms were asked about profits. In which year did half of them blame demand?", "date"),
        ("Een vijfde heeft het aantal niet nodig. Om hoeveel maanden gaat het?", "number"),
        ("Wat is de reden daarvoor?", "explanation"),
        ("What explains the drop in vacancies?", "explanation"),
        # a quantity asked by its name
        ("Wat was de instroom in bèta-technische opleidingen in 2024?", "number"),
        ("What was the total turnover of the defence industry?", "number"),
        # what the question says it does not ask is not what it asks
        ("Flanders 2022: raw number (not the percentage) of bottleneck vacancies?", "number"),
        ("How many were 60 or over? I need the absolute headcount, not a percentage.", "number"),
        ("Hoeveel knelpuntvacatures, dus niet het percentage, waren er?", "number"),
        ("Approximately how much of the country's total emissions do they produce?", "percentage"),
        # "hoe heet" asks a name
        ("Hoe heet het beleidsexperiment voor mkb-bedrijven?", "entity"),
        # a measure after "welke": a figure
        ("Op welke temperatuur wordt het water in de kassen gehouden?", "number"),
        # a cause asked without "waarom"
        ("Energy costs more in Europe. What does the piece blame for that?", "explanation"),
        ("Volgens de bedrijven: waar komt het tekort aan technici vooral door?", "explanation"),
        ("Waar hebben technische bedrijven vooral behoefte aan?", "entity"),
        # no question word at all: a total asks a figure
        ("Tata Steel IJmuiden: total CO2 emissions for 2022?", "number"),
        # "which X" after an opening clause asks things, even with "number of" later
        ("Looking ahead to 2027, which subsector loses the largest number of jobs?", "entity"),
        # a contraction is read as written out: "what's the pay" asks a figure
        ("What's the average gross monthly pay for a technician?", "number"),
        # what lies behind a change asks its cause, though it names a number
        ("What's behind the steep increase in the number of people off sick?", "explanation"),
        ("Wat zit er achter de stijging van het aantal zieken?", "explanation"),
        # a price asks a figure, also with a source between ("wat is volgens ... het")
        ("Wat is volgens de sectoren het jaarlijkse prijskaartje daarvan?", "number"),
        ("Wat is de CO2-prijs?", "number"),
        ("What is the annual price tag of halving tuition fees?", "number"),
        ("Wat verklaart de sterke stijging van het aantal zieke werknemers?", "explanation"),
        ("Wat is daar volgens de gids het gemiddelde brutomaandsalaris?", "number"),  # "daar"
        # an amount asked by "welke hoeveelheid": a figure, not a thing
        ("Welke hoeveelheid CO₂ wilde men jaarlijks opslaan?", "number"),
        ("Tot welk jaar rekent men op herstel?", "date"),
        ("What day was that debate set for?", "date"),
        # costs asked with an adverb between ("wat zijn gemiddeld de kosten"): an amount
        ("Wat zijn gemiddeld de kosten om een zij-instromer om te scholen?", "number"),
        # a year named by its purpose: "the target year", "het streefjaar"
        ("What's the target year for Tata Steel to begin making 'green steel'?", "date"),
        ("Wat is het streefjaar voor groen staal bij Tata Steel?", "date"),
        ("How far ahead do the scenarios look - what's their end year?", "date"),
        ("Hoe ver kijken de scenario's vooruit, wat is hun eindjaar?", "date"),
        ("What's Tata Steel's headcount in the North Sea Canal area?", "number"),  # a count
        # "when" opening a clause sets a condition; the question after the comma decides
        (
            "When their employer invests in them, what percentage of technicians work harder?",
            "percentage",
        ),
        ("When vacancies peaked in 2022, how many were there?", "number"),
        ("When did vacancies peak, according to UWV?", "date"),
        # "which years" asks dates, even with "the number of" after it
        ("Between which years did the number of vacancies rise?", "date"),
        ("In welke jaren daalde het aantal vacatures?", "date"),
        ("During which months was the questionnaire in the field?", "date"),  # plural too
        ("In welke maanden liep het aantal WW'ers terug?", "date"),
        # "their pay", "hun loon": an amount, as "the pay" is
        ("Electrical technicians: what's their average gross monthly pay?", "number"),
        ("Wat is hun gemiddelde bruto maandloon?", "number"),
        ("Engineering: average gross monthly salary for technical workers?", "number"),
        ("Price of one emission right (permission to emit 1 tonne of CO₂) in 2017?", "number"),
        # "within what period": a duration ("binnen vijf jaar"), not a date
        ("Measures must pay for themselves within what period?", "number"),
        ("Binnen welke termijn moeten de maatregelen zich terugverdienen?", "number"),
        # a multiplier asked ("naar 1,8"), not a cause ("welke factor speelt mee")
        ("Tot welke factor moet de financiering volgens hen omhoog?", "number"),
        ("Welke factor speelt de grootste rol bij het tekort?", "entity"),
        # "the longest it can last": a duration
        ("It starts with an orientation phase. What is the longest that phase can last?", "number"),
        # "how come", "hoe komt het dat": a cause, though "the number of" follows
        ("How come the number of agency workers on benefits is not rising?", "explanation"),
        ("Hoe komt het dat het aantal WW-uitkeringen niet duidelijk stijgt?", "explanation"),
        ("Waardoor neemt het aantal zieke werknemers in de industrie zo snel toe?", "explanation"),
        ("Employers now cite weak demand more often. What's driving that?", "explanation"),
        # a salary level is an amount: a sentence without one does not answer it
        ("Welk salarisniveau stelt het kabinet voor voor kennismigranten?", "number"),
        ("What salary threshold does the cabinet propose?", "number"),
        # what made or caused a thing: its cause
        ("The region dropped the storage plan. What made them drop it?", "explanation"),
        ("What caused the drop in vacancies after 2022?", "explanation"),
        # a part of a whole, however it is called: a share
        ("Roughly how large a slice of the total emissions do they produce?", "percentage"),
        ("What fraction of the job ads stays open beyond 180 days?", "percentage"),
        ("Hoe groot is het deel van de uitstoot dat zij veroorzaken?", "percentage"),
        ("How large is the slice of the budget for training?", "percentage"),
        # "hoeveel van de CO2": how much of a mass is a part of it; "hoeveel van de
        # vacatures" still counts
        ("Hoeveel van de CO₂ die de industrie uitstoot, komt van de grootste?", "percentage"),
        ("Hoeveel van de openstaande vacatures zochten een technicus?", "number"),
        # the old-age dependency ratio is the reports' "grijze druk", given in percent; a
        # count of people asked of it is a number
        ("What was the old-age dependency ratio in 2023?", "percentage"),
        ("Hoe hoog was de grijze druk in 2023?", "percentage"),
        ("Grijze druk in 2023: hoeveel mensen van 20 tot 65 jaar per 65-plusser?", "number"),
        # a moment is a date ("sinds eind 2023")
        ("Vanaf welk moment stijgt het aantal WW'ers uit de industrie?", "date"),
        ("From what point in time did the number of claimants rise?", "date"),
    ],
)
def test_question_kind(question: str, kind: str) -> None:
    assert analyse(question).kind == kind


def test_in_bedrijf_is_in_operation_not_a_company() -> None:
    groups = analyse("Vanaf welk jaar zou het Porthos-project in bedrijf moeten zijn?").groups
    assert not any(set(tokenize("bedrijf")) & set(g) for g in groups)
    assert any(set(tokenize("operationeel")) & set(g) for g in groups)


def test_the_factor_asked_and_pronouns_are_no_topic() -> None:
    """'Tot welke factor moet de financiering daarvan volgens hen omhoog?': 'Verhoog de
    bekostiging naar 1,8' shares neither 'factor' nor 'hen' nor 'daarvan'."""
    groups = analyse("Tot welke factor moet de financiering daarvan volgens hen omhoog?").groups
    stems = {s for g in groups for s in g}
    assert not stems & {"factor", "hen", "daarvan"} and "omhoog" in stems


def test_midden_en_kleinbedrijf_is_the_mkb() -> None:
    """The reports write "mkb-bedrijven"; the written-out name asks the same."""
    groups = analyse("Wat leverde het experiment het midden- en kleinbedrijf op?").groups
    assert any("mkb" in g for g in groups)
    assert not any("kleinbedrijf" in g for g in groups)


def test_a_polite_request_is_no_topic() -> None:
    """ "Kunt u aangeven", "Could you tell me": the question is what follows."""
    polite = analyse("Kunt u aangeven hoeveel bedrijven hebben deelgenomen?")
    assert (
        polite.kind == "number"
        and polite.groups == analyse("Hoeveel bedrijven hebben deelgenomen?").groups
    )
    assert analyse("Could you tell me how many heat pumps were installed?").groups == (
        analyse("How many heat pumps were installed?").groups
    )


def test_question_constraints() -> None:
    info = analyse("Hoeveel vacatures waren er in het tweede kwartaal van 2023 in Vlaanderen?")
    assert info.years == ("2023",) and info.quarter == 2
    assert info.names == (tuple(tokenize("Vlaanderen")),)
    title = analyse(
        "What did the experiment 'Shaping the Future of Work' deliver for Flemish SMEs?"
    )
    assert tuple(tokenize("future")) in [n[-1:] for n in title.names]  # the English form too
    assert any(set(tokenize("Vlaamse")) <= set(n) for n in title.names)
    # two capitalised words that the lexicon knows as one Dutch word; an acronym translated
    assert analyse("How far from the coast is the North Sea platform?").names[0][0] == "noordzee"
    assert tuple(tokenize("bbp")) in [n[:1] for n in analyse("What share of GDP?").names]
    # an example in brackets is no name the answer must contain
    aside = analyse("Welk aandeel noemt geopolitiek (zoals de Amerikaanse heffingen) als risico?")
    assert aside.names == ()
    q3 = analyse("How many vacancies were there in Q3 2024?")
    assert q3.lang == "en" and q3.quarter == 3 and q3.names == ()  # "Q3" is no name


TABLE = (
    "TABEL 1 Aandeel knelpuntvacatures\n\n"
    "Beroepen      2014    2015 2016\n\n"
    "Knelpuntvacatures (%)   27,2   28,4 30,0\n\n"
    "Kritieke knelpuntvacatures (%)   13,0   -   14,7\n"
)


def row_span(text: str, label: str) -> tuple[int, int]:
    start = text.index(label)
    return start, text.index("\n", start)


def test_table_cell_reads_the_column_of_the_year() -> None:
    cell = table_cell(TABLE, *row_span(TABLE, "Knelpuntvacatures"), "2015")
    assert cell is not None
    assert (cell.label, cell.year, cell.value) == ("Knelpuntvacatures (%)", "2015", "28,4")
    assert TABLE[cell.header_start :].startswith("Beroepen")
    critical = row_span(TABLE, "Kritieke")
    assert table_cell(TABLE, *critical, "2016").value == "14,7"  # type: ignore[union-attr]
    assert table_cell(TABLE, *critical, "2015") is None  # an empty cell is no answer
    assert table_cell(TABLE, *critical, "2019") is None  # no such column
    assert table_cell(TABLE, *row_span(TABLE, "TABEL"), "2015") is None  # not a row
    survey = "2024 2023 2022\nOnvoldoende personeel 30% 23% 30%\n"
    assert table_cell(survey, *row_span(survey, "Onv"), "2023").value == "23%"  # type: ignore[union-attr]


def test_a_value_is_read_from_a_table_with_header_and_row_cited(assistant) -> None:
    answer = assistant.ask(
        "Welk aandeel van de vacatures in industriële beroepen in Vlaanderen was in 2022 "
        "een knelpuntvacature?"
    )
    assert not answer.abstained and "46,2" in answer.answer
    quote = answer.citations[0].quote
    assert "2022" in quote and "46,2" in quote
    assert squash(quote) in squash(cited_texts(answer.to_dict()["citations"][0])[1])


def test_a_country_sets_the_scope_of_a_whole_report(assistant) -> None:
    # the passage says "in de industrie"; that the report is about Dutch industry is said
    # elsewhere in it, which is enough
    answer = assistant.ask(
        "How many temporary agency workers were employed in Dutch industry in 2016?"
    )
    assert not answer.abstained and "94.000" in answer.answer


def test_figures_belong_to_the_nearest_year() -> None:
    text = (
        "29 procent ziet de winst stijgen in 2024, versus 51 procent in 2023 en 53 procent in 2022"
    )
    figures = ["29 procent", "51 procent", "53 procent"]
    assert figures_of_year(text, figures, ("2023",)) == ["51 procent"]
    assert figures_of_year(text, figures, ("2022",)) == ["53 procent"]
    period = "Het aandeel steeg in de periode 2014-2022 met 70%."
    assert figures_of_year(period, ["70%"], ("2014",)) == []  # a change over a period
    assert figures_of_year(period, ["70%"], ("2014", "2022")) == ["70%"]
    assert figures_of_year("Het aandeel is 12%.", ["12%"], ("2023",)) == ["12%"]  # no year
    # a figure of the asked year goes before one whose sentence names no year; a figure that
    # occurs twice is read at each place
    plans = (
        "Nu zijn 500.000 huizen aangesloten. In 2030 komen er nog eens 500.000 bij en in 2050 "
        "zijn het er 2,6 miljoen."
    )
    assert figures_of_year(plans, ["500.000", "500.000", "2,6"], ("2050",)) == ["2,6"]
    assert figures_of_year(plans, ["500.000", "500.000", "2,6"], ("2030",)) == ["500.000"]
    # a figure whose clause names no year is not given the sentence's baseline year
    goal = "Waar het doel 49% was in 2030 (ten opzichte van 1990), is dit aangescherpt tot 55%."
    assert figures_of_year(goal, ["49%", "55%"], ("2030",)) == ["49%"]
    assert figures_of_year(goal, ["55%"], ("2030",)) == ["55%"]


def test_a_date_in_digits_is_one_date() -> None:
    assert figures_of("Bron: Netbeheer Nederland, geraadpleegd op 06-02-2024", "date") == [
        "06-02-2024"
    ]


def test_labels_are_no_quantities() -> None:
    assert figures_of("De meeste vacatures vragen om technici op beroepsniveau 2.", "number") == []
    assert figures_of("Zie tabel 3: 4.500 vacatures.", "number") == ["4.500"]
    assert figures_of("Bron: https://nu-duurzaam.nl/55823-nederland (2024)", "number") == []
    assert figures_of("In 2025 waren er 400 bedrijven op zeven locaties.", "number") == [
        "400",
        "zeven",
    ]
    # "1.3" is a figure number: Dutch thousands take three digits, decimals a comma
    assert figures_of("Warmtepompen per scenario 1.3: 240.000 of 2,5 keer", "number") == [
        "240.000",
        "2,5",
    ]
    # a share in words counts nothing: "één op de vijf bedrijven" are no five companies
    told = "Eén op de vijf bedrijven (20 procent) heeft zelfs zes tot twaalf maanden nodig."
    assert figures_of(told, "number") == ["zes", "twaalf"]
    assert figures_of("Twee op de drie technici werken in zeven regio's.", "number") == ["zeven"]
    # "cluster 6" names a cluster; "how many of these clusters" counts clusters
    told = "Soms kan er overlap ontstaan tussen cluster 6 en een regionaal cluster."
    assert figures_of(told, "number") == []
    assert "cluster" in counted_unit("Leaving aside one, how many of these clusters are there?")


def test_hoeveel_van_zulke_counts_what_follows() -> None:
    """'hoeveel van zulke meldingen' counts reports, so 'minstens 20 werknemers' does not answer."""
    # "hoeveel van die tien" counts no "tien"
    assert counted_unit("Hoeveel van zulke meldingen kwamen er binnen?") == tuple(
        tokenize("meldingen")
    )
    assert counted_unit("Hoeveel van die tien zijn technische beroepen?") == ()


def test_not_just_the_part_asks_the_whole() -> None:
    """'bottleneck vacancies (all of them, not just the critical ones)': 'critical' is no word
    of the answer ('Knelpuntvacatures (%) (2014): 27,2%', not the critical 13,0%); 'niet de
    juiste vaardigheden' is a property, and stays."""
    whole = analyse("What share were bottleneck vacancies (all, not just the critical ones)?")
    assert not any(set(tokenize("kritieke")) & set(g) for g in whole.groups)
    part = analyse("Welk deel heeft technici die niet de juiste vaardigheden hebben?")
    assert any(set(tokenize("juiste")) & set(g) for g in part.groups)


def test_how_much_per_year_is_a_rate_that_counts_nothing() -> None:
    """'By how much per year does the economy grow?' counts no years: '1,4 procent' answers."""
    question = "By how much per year, on average, will the Dutch economy grow up to 2026?"
    assert counted_unit(question) == ()
    assert counted_unit("Hoeveel per jaar groeit de economie?") == ()
    jobs = counted_unit("How many jobs per year are added?")  # counts jobs, not "per"
    assert "job" in jobs and "per" not in jobs
    assert counted_unit("Hoeveel openstaande vacatures voor lassers?") == tuple(
        tokenize("openstaande vacatures")
    )


def test_a_count_in_words_answers_when_what_is_counted_follows(assistant) -> None:
    answer = assistant.ask(
        "Op hoeveel thema's willen de Vlaamse sociale partners prioritair inzetten?"
    )
    assert not answer.abstained and answer.highlight == ["zeven"]
    assert figures_of("Bijna 3 op 10 vacatures staan lang open.", "number") == []  # a share


def test_a_figure_of_time_or_ratio_is_no_count_of_things() -> None:
    vacancies = counted_unit("Hoeveel vacatures waren er?")
    assert measures_other("Ze staan 180 dagen open.", "180", vacancies)
    assert measures_other("Er zijn 3,5 keer zoveel vacatures.", "3,5", vacancies)
    assert not measures_other("Er waren 28.000 vacatures.", "28.000", vacancies)
    assert not measures_other("vanaf 2026 circa 400.000 per jaar", "400.000", vacancies)
    assert not measures_other("De uitstoot was 54 Mton.", "54", counted_unit("Hoeveel CO2?"))
    weeks = counted_unit("Hoeveel weken duurt de opleiding?")
    assert not measures_other("Het programma duurt 40 weken.", "40", weeks)


def conflict(question: str, text: str, context: str = "", narrower: bool = False) -> bool:
    return scope_conflict(asked_scopes(question), text, context, narrower)


def test_another_level_of_education_is_a_conflict() -> None:
    question = "Hoeveel wo-bachelorstudenten volgden in 2022 een technische opleiding?"
    assert conflict(question, "In 2022 volgden 36.500 mbo-studenten een opleiding.")
    assert not conflict(question, "In 2022 volgden 6.900 wo-bachelorstudenten dit.")
    assert not conflict(question, "In 2022 volgden 6.900 studenten dit.")  # unsaid
    assert conflict("How many master students?", "13.500 hbo-bachelorstudenten")


def test_another_place_or_sector_is_a_conflict() -> None:
    belgium = "What share of technical vacancies in Belgium is filled from abroad?"
    assert conflict(belgium, "Slechts 7% van de technische vacatures in Nederland.")
    assert not conflict(belgium, "In België wordt 12% van de vacatures zo ingevuld.")
    assert not conflict(belgium, "Slechts 7% van de technische vacatures.")  # unsaid
    # the most specific place asked decides: the EU is the setting, Belgium the question
    assert asked_scopes("How many Belgian companies are in the EU ETS?")["place"] == {"belgië"}
    assert conflict("How many Belgian companies are in the EU ETS?", "400 Nederlandse bedrijven")
    construction = "Welk percentage van de werknemers in de bouw is 60 jaar of ouder?"
    assert conflict(construction, "Het betreft 14% van alle werknemers in de industrie.")
    chemistry = "Welk percentage van de werkgevers in de chemische industrie noemt dit?"
    assert conflict(chemistry, "30% van de industriële werkgevers geeft dit aan.")
    # a company that builds, a building block: no question about construction
    avantium = "Avantium bouwde een fabriek voor FDCA, de bouwstof voor PEF. Wanneer start die?"
    assert "sector" not in asked_scopes(avantium)
    assert asked_scopes("Hoeveel bouwbedrijven zijn er?")["sector"] == {"bouw"}
    assert not conflict("Hoeveel vacatures had de industrie?", "De industrie had 28.000 vacatures.")
    # a sentence that names no sector is read with its heading or table caption
    assert conflict(construction, "Aandeel (%) 14", context="Werknemers in de industrie")
    # "which parts of industry": a narrower sector answers an entity question
    parts = "Which parts of manufacturing grew the most?"
    assert not conflict(parts, "Vooral de voedingsmiddelenindustrie groeide.", narrower=True)
    assert conflict(parts, "Vooral de bouw groeide.", narrower=True)
    # the average of all sectors is not industry's figure, nor the reverse
    everyone = "Averaged across all sectors, what share of people on WW is aged 55 or over?"
    assert conflict(everyone, "De grootste groep is 55 jaar of ouder (43%) uit de industrie.")
    assert not conflict(everyone, "Industrie 43%, het gemiddelde over alle sectoren 29%.")
    assert conflict("Welk aandeel in de industrie?", "Gemiddeld over alle sectoren is dat 11%.")


@pytest.mark.parametrize(
    ("word", "subgroup"),
    [
        ("lassers", True),
        ("productiemedewerkers", True),
        ("monteurs", True),
        ("procesoperators", True),
        ("medewerkers", False),  # staff in general
        ("werknemers", False),
        ("vacatures", False),
        ("installatiebranche", True),
        ("sector", False),
    ],
)
def test_subgroups(word: str, subgroup: bool) -> None:
    assert bool(SUBGROUP.search(tokenize(word)[0])) is subgroup


def test_a_branch_is_named_by_what_it_is_a_branch_of() -> None:
    assert subgroup(tuple(tokenize("installatiebranche"))) == tuple(tokenize("installatie"))
    assert subgroup(tuple(tokenize("metaalsector"))) == tuple(tokenize("metaal"))
    # the technical sector is what the reports are about: "technici" and "technische bedrijven"
    # name it, so it is no branch a passage must name as "techniek"
    assert subgroup(tuple(tokenize("technieksector"))) is None
    assert subgroup(tuple(tokenize("techniekbranches"))) is None
    assert subgroup(tuple(tokenize("deelsectoren"))) is None  # a part, not a branch
    # a branch only when the question says it, not when a translation guesses it
    assert subgroup(("dienst", *tokenize("dienstensector"))) is None
    assert subgroup(tuple(tokenize("lassers"))) == tuple(tokenize("lassers"))


def test_numbered_labels() -> None:
    assert labels_in("op beroepsniveau 2 gaat om 53.800, op mbo-niveau 4 en level 3") == {
        "niveau": {"2", "3", "4"}
    }
    assert labels_in("fase 1 en stap 2") == {"fase": {"1"}, "stap": {"2"}}
    assert labels_in("In 2023 waren er 83.600 vacatures") == {}


@pytest.mark.parametrize(
    "question",
    [
        "Welk percentage van de werknemers in de bouw was eind 2024 60 jaar of ouder?",
        "How many welders were receiving unemployment benefits in December 2025?",
        "Welk deel van de technische vacatures in Duitsland wordt ingevuld via internationale "
        "werving?",
        "Hoeveel hbo-masterstudenten volgden in 2022 een technische opleiding?",
        # the level the documents give is beroepsniveau 2
        "Hoeveel openstaande technische vacatures waren er in het eerste kwartaal van 2023 op "
        "beroepsniveau 3?",
        # the salary table has no ICT row, and the passage names no ICT at all
        "Wat is het gemiddelde bruto maandsalaris van technici in de ICT?",
        # the report says notifications rose; "minstens 20 werknemers" counts employees
        "Hoeveel meldingen van collectief ontslag kwamen er in 2025 van industriële werkgevers?",
        # "eind 2025" is the fourth quarter
        "Hoeveel openstaande vacatures had de industrie in het derde kwartaal van 2025?",
        # the table of production workers is of the third quarter
        "Hoeveel vacatures voor productiemedewerkers vroegen industriële werkgevers in het "
        "tweede kwartaal van 2025?",
        # December 2025 is given; a table row of another subject is no stand-in
        "Hoeveel ex-uitzendkrachten uit de industrie hadden in december 2024 een WW-uitkering?",
        # a region must be named in the passage itself; a branch too
        "Hoeveel industriewerknemers in Zuid-Limburg waren eind 2022 zestig jaar of ouder?",
        "Hoeveel verdient een technicus in de installatiebranche gemiddeld per maand?",
        # 8% is of hbo and wo together ("Slechts 8% is hbo- of wo-opgeleid")
        "What share of people on WW benefits who came from industry have a university (wo) degree?",
        # 13.500 is of all five study directions together ("in een van de genoemde richtingen")
        "Hoeveel hbo-bachelorstudenten volgden in 2022 de opleiding mechatronica?",
        "How many hbo bachelor students were enrolled in mechatronics in 2022? Only that "
        "programme, not all of them combined.",
        # 36.500 is of all five: the list in its own sentence does not make it werktuigbouw's
        "Hoeveel mbo-studenten volgden in 2022 een opleiding werktuigbouw?",
    ],
)
def test_declines_a_figure_about_another_group(assistant, question: str) -> None:
    """The documents give the figure for industry, all people on benefits, the Netherlands
    and mbo students: not for construction, welders, Germany or hbo masters."""
    assert assistant.ask(question).abstained


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel hbo-bachelorstudenten waren er in 2022 in totaal in de richtingen chemie, "
        "metaal, werktuigbouw, elektro en mechatronica?",
        "How many hbo bachelor students were there in 2022 across chemistry, metal, mechanical "
        "engineering, electrical engineering and mechatronics combined?",
    ],
)
def test_a_total_answers_for_the_whole_list(assistant, question: str) -> None:
    """The total of the study directions answers when the question asks for all of them."""
    answer = assistant.ask(question)
    assert not answer.abstained and "13.500" in answer.answer


@pytest.mark.parametrize(
    ("question", "choice"),
    [
        (
            "Stonden er meer vacatures open voor mechanisch operators of voor elektriciens?",
            Choice("mechanisch operators", "elektriciens", larger=True),
        ),
        (
            "Which pays better on average: the energy transition branch or industry?",
            Choice("the energy transition branch", "industry", larger=True),
        ),
        (
            "In Q2 2023, which had fewer vacancies: welders, or electricians and fitters?",
            Choice("welders", "electricians and fitters", larger=False),
        ),
        ("Wie vindt dat vaker, technici of bedrijven?", Choice("technici", "bedrijven", True)),
        # a superlative between two options asks the same
        (
            "Welk beroep had de meeste vacatures: lassers, of elektriciens en monteurs?",
            Choice("lassers", "elektriciens en monteurs", larger=True),
        ),
        (
            "Which region had the lowest share, Limburg or Zeeland?",
            Choice("Limburg", "Zeeland", larger=False),
        ),
        # not two things side by side: which way a figure went, or no comparison at all
        ("Is het aandeel hoger of lager dan in 2023?", None),
        ("Did more or fewer career switchers consider retraining?", None),
        ("Welke sector heeft de meeste vacatures?", None),
        ("Werken technici in de industrie of in de bouw?", None),
        # in English "of" is no "or"
        ("Who do firms most often name as responsible for the shortage of staff?", None),
    ],
)
def test_choice_asked(question: str, choice: Choice | None) -> None:
    assert choice_asked(question) == choice


def test_figure_sides_and_values() -> None:
    sides = [term_groups("zij-instromers"), term_groups("technici")]
    both = "Opvallend is dat zij-instromers (20 procent) zingeving vaker noemen dan technici (9%)."
    assert figure_sides(both, sides) == [("20 procent", 0), ("9%", 1)]
    # the name after its figure ("46 procent van de technici ..., versus 32 procent ...")
    after = "46 procent van de technici vindt dat, versus 32 procent van de zij-instromers."
    assert figure_sides(after, sides) == [("46 procent", 1), ("32 procent", 0)]
    rows = [term_groups("mechanisch operators"), term_groups("elektriciens")]
    assert figure_sides("Mechanisch operators procesindustrie\t3.050", rows) == [("3.050", 0)]
    assert figure_sides("Operators en elektriciens\t3.050", rows) == []  # names both
    assert figure_sides("Mechanisch operators\t1.400\t3.050", rows) == []  # which column?
    assert figure_sides("Mechanisch operators 3.050\nElektriciens 3.000", rows) == []
    # a count in words counts something else ("zes keer om een technisch beroep")
    assert figure_sides("Het gaat zes keer om mechanisch operators.", rows) == []
    assert figure_value("3.050") == 3050
    assert figure_value("€ 3.470") == 3470
    assert figure_value("12,5%") == 12.5
    assert figure_value("1.847.000") == 1847000


@pytest.mark.parametrize(
    ("question", "start", "figures"),
    [
        # two rows of one table
        (
            "Waren er in het tweede kwartaal van 2023 minder vacatures voor elektriciens en "
            "monteurs van elektrische installaties of voor mechanisch operators in de "
            "procesindustrie?",
            "Elektriciens, installateurs en monteurs elektrische installaties (3.000",
            ["3.000", "3.050"],
        ),
        # two tables side by side: both rows of the left one (the vacancies, not the people
        # on benefits of the right one, "Managers sales en marketing 400")
        (
            "Stonden er in het derde kwartaal van 2025 bij industriële werkgevers minder "
            "vacatures open voor managers sales en marketing of voor productiemedewerkers?",
            "Managers sales en marketing (500",
            ["500", "900"],
        ),
        # one sentence that gives both
        (
            "Wie vindt vaker dat het inwerken van zij-instromers meer oplevert dan het kost: "
            "technici of bedrijven?",
            "technici (46 procent",
            ["46 procent", "32 procent"],
        ),
    ],
)
def test_which_of_two_has_more_is_answered_by_both_figures(
    assistant, question: str, start: str, figures: list[str]
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained and answer.answer.startswith(start)
    assert all(f in answer.answer for f in figures)
    assert all(any(f in c.quote for c in answer.citations) for f in figures)


def test_authors_in() -> None:
    colophon = (
        "Inlichtingen\n\nAuteurs\n\nLisan van den Beukel\n\nSuzanne IJzerman\n\nDeze publicatie"
    )
    start, end, names = authors_in(colophon) or (0, 0, [])
    assert names == ["Lisan van den Beukel", "Suzanne IJzerman"]
    assert colophon[start:end] == "Auteurs\n\nLisan van den Beukel\n\nSuzanne IJzerman"
    assert authors_in("Tekst: Jan de Vries") is None  # a label on its own line only
    assert authors_in("Auteurs\n\nzie de bijlage") is None  # no names under it
    assert authors_in("De auteurs Jan de Vries en Piet Jansen schrijven") is None


def test_who_wrote_a_report_is_answered_by_its_colophon(assistant) -> None:
    answer = assistant.ask(
        "Door wie is de UWV-publicatie over klimaatberoepen in de industrie geschreven?"
    )
    assert not answer.abstained
    assert "Lisan van den Beukel" in answer.answer and "Suzanne IJzerman" in answer.answer
    assert answer.citations[0].quote.startswith("Auteurs")


def test_panels_reads_the_values_of_an_infographic_by_group() -> None:
    # captions, the values of group 1 beside its line, group 2's line, then its values
    beside = (
        "Mijn bedrijf voelt de verantwoordelijkheid\n\nDe energietransitie is onhaalbaar\n\n"
        "Een duurzame energievoorziening is onhaalbaar\n\n69% 44% 44%\n\nTotaal Totaal Totaal\n\n"
        "Industrie Industrie Industrie\n\n78% 49% 46% Dynamische arbeidsmarkt"
    )
    ((start, end, rows),) = panels(beside)
    assert rows[3] == "Industrie: Mijn bedrijf voelt de verantwoordelijkheid 78%"
    assert rows[0] == "Totaal: Mijn bedrijf voelt de verantwoordelijkheid 69%"
    assert beside[start:end].startswith("Mijn bedrijf") and beside[start:end].endswith("46%")
    # group 1, captions, group 2, its values, group 1's values, then the title
    around = (
        "Bedrijven Bedrijven Bedrijven\n\nDe energietransitie\n\nIn 2030 duurzaam\n\n"
        "In 2050 klimaatneutraal\n\nTechnici Technici Technici\n\n54% 44% 57%\n\n44% 38% 44%"
        "\n\nDit vindt technisch Nederland onhaalbaar"
    )
    ((start, end, rows),) = panels(around)
    assert rows[0] == "Technici: Dit vindt technisch Nederland onhaalbaar De energietransitie 54%"
    assert (
        rows[5] == "Bedrijven: Dit vindt technisch Nederland onhaalbaar In 2050 klimaatneutraal 44%"
    )
    assert around[start:end] == around
    # captions on one line, each starting with a capital
    one_line = "Fysiek welzijn Mentaal welzijn Werk-privébalans\n71% 68% 69%\n"
    one_line += "Bedrijven Bedrijven Bedrijven\nTechnici Technici Technici"
    assert panels(one_line + "\n65% 62% 62%")[0][2][4] == "Technici: Mentaal welzijn 62%"
    # not without a line of values for each group, nor without a caption for each value
    assert panels(one_line + "\nzie hierboven") == ()
    assert panels("Eén\n\n" + one_line.split("\n", 1)[1] + "\n1% 2% 3%") == ()


def test_a_value_of_an_infographic_answers_with_the_infographic_quoted(assistant) -> None:
    answer = assistant.ask(
        "Welk percentage van de industriebedrijven voelt de verantwoordelijkheid om te "
        "verduurzamen?"
    )
    assert not answer.abstained and "78%" in answer.answer and "Industrie" in answer.answer
    assert "Industrie Industrie Industrie" in answer.citations[0].quote


def test_total_for_one() -> None:
    listing = "Studenten in de richtingen chemie, metaal, werktuigbouw, elektro en mechatronica."
    told = "In 2022 waren er 13.500 hbo-bachelor studenten in een van de genoemde richtingen."
    one = "Hoeveel studenten volgden mechatronica?"
    terms = analyse(one).groups
    assert total_for_one(one, list(terms), told, listing)
    # not when the sentence names the item, nor when the question asks the total or the list
    assert not total_for_one(one, list(terms), told + " Ook mechatronica.", listing)
    whole = "Hoeveel studenten volgden mechatronica en de andere richtingen in totaal?"
    assert not total_for_one(whole, list(analyse(whole).groups), told, listing)
    denied = "Hoeveel studenten volgden mechatronica, niet alle richtingen opgeteld?"
    assert total_for_one(denied, list(analyse(denied).groups), told, listing)
    two = "Hoeveel studenten volgden chemie of mechatronica?"
    assert not total_for_one(two, list(analyse(two).groups), told, listing)
    # nor when the passage lists no such items
    assert not total_for_one(one, list(terms), told, "Studenten in de techniek.")
    # a list in the figure's own sentence names the item as one of all, not on its own
    own = "In totaal 36.500 studenten chemie, metaal, werktuigbouw, elektro en mechatronica."
    assert total_for_one(one, list(terms), own, own)


def test_a_figure_about_another_occupation_gives_way_to_the_row_of_the_asked_one(
    assistant,
) -> None:
    """'bijna 10.000 voor monteurs. Ook voor elektriciens ...': the figure's own sentence is
    about mechanics; the table row of electricians (3.000) answers."""
    answer = assistant.ask(
        "Hoeveel vacatures waren er in het tweede kwartaal van 2023 voor elektriciens in de "
        "industrie?"
    )
    assert not answer.abstained and "3.000" in answer.answer and "10.000" not in answer.answer
    assert "Elektriciens" in answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        (
            "Welk percentage van de werknemers in de industrie was eind 2024 60 jaar of ouder?",
            "14%",
        ),
        (
            "How many people from industry received unemployment benefits in December 2025?",
            "20.100",
        ),
        (
            "Hoeveel openstaande technische vacatures waren er in het eerste kwartaal van 2023 "
            "op beroepsniveau 2?",
            "53.800",
        ),
        # a table row names no unit: what it counts is in the caption
        (
            "How many openings were there for electricians among the climate-relevant "
            "industrial occupations in Q2 2023?",
            "3.000",
        ),
        # the best sentence is about mbo students; the one about wo bachelors scores lower
        (
            "Hoeveel wo-bachelorstudenten volgden in 2022 een technische opleiding zoals chemie "
            "of werktuigbouw?",
            "6.900",
        ),
        (
            "Hoeveel hbo-bachelorstudenten volgden in 2022 een opleiding in chemie, metaal of "
            "werktuigbouw?",
            "13.500",
        ),
        (
            "Welk deel van de technische vacatures in Nederland wordt ingevuld via internationale "
            "werving?",
            "7%",
        ),
    ],
)
def test_answers_for_the_asked_group(assistant, question: str, figure: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained and figure in answer.answer


def scored(assistant, question: str, text: str, heading: str = "", date: str | None = None) -> list:
    """The sentences and rows of a made-up passage, scored by the real scorer."""
    from assistant.answer import split_candidates
    from assistant.models import Chunk, Passage

    chunk = Chunk("x", "x.txt", text, "Rapport", date, heading, None, 1, 2)
    cands = split_candidates(Passage(chunk, 1.0), 0)
    asked = assistant.scorer.asked(analyse(question))
    for c in cands:
        assistant.scorer.score(asked, c)
    return cands


def test_a_footnote_number_after_a_full_stop_starts_no_sentence() -> None:
    """'... een jaar eerder. 9 Voor de periode tot 2027 ...': the 9 is the first sentence's
    footnote, so the second sentence (and its quote) starts at 'Voor'; a passage of footnotes
    ('11 UWV (2025), ... 12 Beroepsniveau 1: ...') keeps its numbers."""
    text = "Gegroeid ten opzichte van een jaar eerder. 9 Voor de periode tot 2027 herstelt het."
    starts = [text[x:y] for x, y, _, pair in candidate_spans(text) if not pair]
    assert starts == [
        "Gegroeid ten opzichte van een jaar eerder.",
        "Voor de periode tot 2027 herstelt het.",
    ]
    notes = "11 UWV (2025), Arbeidsmarktprognose tot 2027. 12 Beroepsniveau 1: eenvoudige taken."
    assert [notes[x:y] for x, y, _, pair in candidate_spans(notes) if not pair][1].startswith("12 ")


def test_a_pair_half_about_another_year_fits_the_asked_year_less(assistant) -> None:
    """'In oktober 2025 ... gegroeid. Voor de periode tot 2027 ...': of a pair whose sentences
    are about two years, the asked year's sentence alone fits better (and is read on)."""
    text = (
        "In oktober 2025 is vooral de productie in rubber- en kunststof gegroeid. "
        "Voor de periode tot 2027 wordt verwacht dat de productie zich herstelt. "
        "Dit komt door groei in de metaalsector en de levensmiddelenindustrie."
    )
    question = "Welke branches dragen het verwachte herstel van de productie tot 2027?"
    cands = scored(assistant, question, text)
    mixed = next(c for c in cands if c.pair and c.text.startswith("In oktober 2025"))
    asked_year = next(c for c in cands if c.pair and c.text.startswith("Voor de periode"))
    assert asked_year.score > mixed.score
    answer = assistant.ask(
        "Welke branches moeten volgens de verwachting het herstel van de industriële productie "
        "tot 2027 vooral dragen?"
    )
    assert not answer.abstained and "levensmiddelenindustrie" in answer.answer
    assert "oktober 2025" not in answer.answer


def test_a_pairs_year_is_that_of_its_figures_sentence(assistant) -> None:
    """'In 2021 ... 54 Mton. Ten opzichte van 1990 is de uitstoot gedaald.': 54 Mton is of
    2021, not of 1990, which only the second sentence names."""
    text = (
        "In 2021 bedroeg de uitstoot in Nederland 168 Mton, waarvan 54 Mton door de industrie "
        "werd uitgestoten. Ten opzichte van 1990 is de uitstoot van broeikasgassen gedaald."
    )
    question = "Hoeveel Mton broeikasgassen stootte de industrie in 1990 uit?"
    pair = next(c for c in scored(assistant, question, text) if c.pair)
    assert "time" in pair.conflicts
    # the plans of April 2023 add to the Klimaatakkoord's 19,4 Mton, which is no answer
    answer = assistant.ask(
        "Met hoeveel Mton moet de industrie extra reduceren volgens de klimaatplannen die het "
        "kabinet eind april 2023 presenteerde?"
    )
    assert "19,4" not in answer.answer


def test_a_figure_of_two_levels_together_is_not_one_levels(assistant) -> None:
    question = "Welk percentage van de werknemers in de techniek is wo-opgeleid?"
    (cand,) = scored(assistant, question, "Van de werknemers is 8% hbo- of wo-opgeleid.")
    assert "level" in cand.conflicts
    text = "Van de werknemers is 8% wo-opgeleid, en 12% hbo-opgeleid."
    (cand,) = scored(assistant, question, text)
    assert "level" not in cand.conflicts and cand.figures == ["8%"]
    question = "Welk percentage van de werknemers in de techniek is hbo- of wo-opgeleid?"
    (cand,) = scored(assistant, question, "Van de werknemers is 8% hbo- of wo-opgeleid.")
    assert "level" not in cand.conflicts


def test_rows_of_a_table_that_the_question_does_not_single_out_are_tied(assistant) -> None:
    """'under 25' matches no row's label of a table of how long vacancies stay open: its
    cells of 2022 tie, and none answers; a row whose label the question names is singled out."""
    from assistant.answer import tied_rows

    text = (
        "2024 2023 2022\n\n< 1 maand 3% 4% 5%\n\n1 tot 3 maanden 17% 27% 26%\n\n"
        "3 tot 6 maanden 30% 33% 36%"
    )
    heading = "Percentage werknemers in de industrie"
    question = "What percentage of employees in industry were under 25 in 2022?"
    cands = sorted(scored(assistant, question, text, heading), key=lambda c: -c.score)
    best = cands[0]
    assert (
        best.cell
        and len(tied_rows(best, cands, assistant.scorer.asked(analyse(question)).terms)) == 2
    )
    question = (
        "Welk percentage van de werknemers in de industrie had in 2022 3 tot 6 maanden nodig?"
    )
    cands = sorted(scored(assistant, question, text, heading), key=lambda c: -c.score)
    assert cands[0].cell and cands[0].cell.value == "36%"
    assert not tied_rows(cands[0], cands, assistant.scorer.asked(analyse(question)).terms)


def test_a_comparison_reads_the_row_the_question_singles_out(assistant) -> None:
    """Two tables of career switchers under one header of years: 'Zeer positief' (of how they
    see technical work) ties with the other rows of its table; the 'Ja' row of whether they
    consider retraining answers."""
    answer = assistant.ask(
        "Was the share of potential career switchers seriously considering retraining for a "
        "technical job lower or higher in 2024 than in 2023?"
    )
    assert not answer.abstained and "Zeer positief" not in answer.answer
    assert "18%" in answer.answer and "21%" in answer.answer


def test_what_a_passage_lacks_is_worked_out_once_for_all_its_sentences(assistant) -> None:
    from assistant.answer import split_candidates
    from assistant.models import Chunk, Passage

    text = "In 2023 werkten 500 monteurs in de industrie. Dat waren er 20 meer dan in 2022."
    chunk = Chunk("x", "x.txt", text, "Rapport", None, "", None, 1, 2)
    asked = assistant.scorer.asked(analyse("Hoeveel lassers werkten er in 2023 in de bouw?"))
    cands = split_candidates(Passage(chunk, 1.0), 0)
    for c in cands:
        assistant.scorer.score(asked, c)
    assert len(cands) >= 2 and list(asked.passages) == [chunk]
    facts = asked.passages[chunk]
    assert "sector" in facts.missing  # construction asked, only industry named
    assert any(m.startswith("lasser") for m in facts.missing)  # welders asked, fitters named
    assert all(c.missing == list(facts.missing) for c in cands)
    assert 0 < facts.coverage < 1  # "werkten", "2023" found; "bouw", "lassers" not


def test_names_sector() -> None:
    question = "Which part of the manufacturing sector will lose the most jobs?"
    assert names_sector("De banenkrimp is het grootst in de chemische industrie.", question)
    assert names_sector("De meesten werken in de installatiebranche.", question)
    assert names_sector("Reparatie en technische dienstverlening groeien.", question)
    assert not names_sector("De industrie verliest banen tot 2027.", question)  # the asked one
    assert not names_sector("Er wordt een kleine banenkrimp verwacht.", question)


def test_asked_kind_and_names_kind() -> None:
    assert asked_kind("Binnen welk overkoepelend plan valt dat voorstel?") == "plan"
    assert asked_kind("Which labour migration plan is it in line with?") == "plan"
    assert asked_kind("Which scheme do they propose?") == "regeling"
    # asked by its name
    assert asked_kind("Hoe heet de regeling die zij voorstellen?") == "regeling"
    assert asked_kind("What is the name of the fund for the regions?") == "fonds"
    assert asked_kind("Hoe heet die technicus?") is None
    assert asked_kind("Welke sector biedt meer banen?") is None
    question = "Which labour migration plan is the orange card in line with?"
    assert names_kind("Het komt overeen met het Deltaplan Arbeidsmigratie.", "plan", question)
    assert not names_kind("Een oranje kaart voor vakkrachten van buiten de EU.", "plan", question)
    # the plan the question names itself is not the answer
    assert not names_kind("Zie het Aanvalsplan.", "plan", "Is it part of the Aanvalsplan?")


def test_a_which_plan_question_prefers_the_sentence_that_names_a_plan(assistant) -> None:
    # the first sentence restates the question's scene with more of its words; the second
    # names the plan asked
    scene = (
        "Wij roepen op om een internationale vakkrachtenregeling of oranje kaart in te stellen, "
        "die tijdelijke arbeidsmigratie van buiten de EU mogelijk maakt voor cruciale sectoren."
    )
    plan = (
        "De voorgestelde maatregel is onderdeel van een breed pakket aan maatregelen voor meer "
        "technici en komt overeen met het gepresenteerde Deltaplan Arbeidsmigratie."
    )
    question = (
        "Which labour migration plan do the technical sectors say their proposed orange card "
        "for skilled tradespeople from non-EU countries is consistent with?"
    )
    single = {c.text: c.score for c in scored(assistant, question, f"{scene} {plan}")}
    assert single[plan] > single[scene]


def test_a_sector_question_is_answered_by_a_sentence_that_names_one(assistant) -> None:
    # the industry sentence matches more words, but names no sector the question does not
    text = (
        "In de gezondheidszorg werken de meeste mensen. "
        "De industrie biedt veel banen in Vlaanderen."
    )
    question = "Welke sector biedt in Vlaanderen meer banen dan de industrie?"
    care, industry = scored(assistant, question, text)[:2]
    assert care.type_ok and not industry.type_ok
    # not for other questions
    industry = scored(assistant, "Welke kansen biedt de industrie in Vlaanderen?", text)[1]
    assert industry.text.startswith("De industrie") and industry.type_ok


def best_candidate(assistant, question: str, text: str, heading: str = "") -> str:
    """The sentence or row of a made-up passage that the real scorer ranks first."""
    return max(scored(assistant, question, text, heading), key=lambda c: c.score).text


def test_a_count_the_question_gives_in_digits_may_be_written_in_words(assistant) -> None:
    """'welke 2 dingen' is not missing its 2 in 'twee vereisten'."""
    assert spelled_numbers("Technici zien twee vereisten, ten eerste een coach.") == {"2"}
    text = "Technici zien twee vereisten: een coach on the job en korte opleidingen."
    (cand,) = scored(assistant, "Welke 2 dingen zijn nodig om zij-instromers in te werken?", text)
    assert not cand.numbers_missing
    (cand,) = scored(assistant, "Welke 3 dingen zijn nodig om zij-instromers in te werken?", text)
    assert cand.numbers_missing


def test_een_with_accents_is_one(assistant) -> None:
    """'1 op de 5' is 'Eén op de vijf'; 'een' without accents is the article."""
    assert spelled_numbers("Eén op de vijf bedrijven") == {"1", "5"}
    assert spelled_numbers("één op de drie") == {"1", "3"}
    assert spelled_numbers("een op de drie") == {"3"}
    answer = assistant.ask(
        "1 op de 5 techbedrijven doet extreem lang over het invullen van een technische "
        "vacature. Hoeveel maanden is dat?"
    )
    assert not answer.abstained and "twaalf" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Between which years did the number of vacancies for these occupations climb steadily?",
        "In welke periode liep het aantal vacatures voor deze beroepen gestaag op?",
    ],
)
def test_a_period_asked_is_answered_by_its_bounds(assistant, question: str) -> None:
    """Not a year in passing ("het tweede kwartaal van 2022"), but "tussen 2016 en 2019"."""
    text = (
        "Daarna stijgt het aantal vacatures voor deze beroepen fors tot ruim 54.000 vacatures"
        " in het tweede kwartaal van 2022. Tussen 2016 en eind 2019 neemt het aantal vacatures"
        " gestaag toe."
    )
    cands = [c for c in scored(assistant, question, text) if c.type_ok]
    assert cands and all("2016" in c.text for c in cands)


def test_a_one_the_question_gives_may_be_een(assistant) -> None:
    """'1 op de 5 bedrijven' is 'Eén op de vijf bedrijven', which no word count reads."""
    text = "Eén op de vijf bedrijven heeft zelfs zes tot twaalf maanden nodig."
    (cand,) = scored(assistant, "1 op de 5 bedrijven doet er lang over: hoeveel maanden?", text)
    assert not cand.numbers_missing
    (cand,) = scored(assistant, "1 op de 4 bedrijven doet er lang over: hoeveel maanden?", text)
    assert cand.numbers_missing


def test_a_duration_is_asked_by_the_asking_sentence_not_the_scene(assistant) -> None:
    """'takes a lot of technicians' sets the scene; 'how many were there' asks a count."""
    text = "Daarna stijgt het aantal vacatures fors tot ruim 54.000 vacatures in 2022."
    question = "Climate measures take many technicians. In 2022, at the peak, how many were there?"
    (cand,) = scored(assistant, question, text)
    assert "54.000" in cand.figures


def test_a_row_that_names_only_who_answered_says_not_what_it_counts(assistant) -> None:
    """A chart's row 'Technici: 16% 46%' lost its columns: it does not answer what share of
    technicians would move, while a row that names its subject ('Lassers 1.300') does."""
    question = "What share of technicians would be tempted to take a job outside technology?"
    (row,) = scored(assistant, question, "Technici: 16% 46%")
    assert row.figures and not row.type_ok
    (row,) = scored(assistant, "Hoeveel vacatures voor lassers?", "Lassers 1.300 2.000")
    assert row.type_ok


def test_a_charts_source_line_answers_only_where_from_and_when(assistant) -> None:
    """'Bron: Klimaatnota 2023' names where a chart's figures come from: no answer to what
    they are, but to which source, or when it was looked up."""
    line = "Bron: Klimaatnota 2023"
    (cand,) = scored(assistant, "Which range does the Klimaatnota 2023 forecast give?", line)
    assert not cand.type_ok
    (cand,) = scored(assistant, "Uit welke bron komt de grafiek van de uitstoot?", line)
    assert cand.type_ok
    dated = "Bron: Netbeheer Nederland, geraadpleegd op 06-02-2024"
    (cand,) = scored(assistant, "Op welke datum zijn de cijfers van Netbeheer opgevraagd?", dated)
    assert cand.type_ok


def test_what_the_question_gives_in_percent_is_asked_in_percent(assistant) -> None:
    """'... lag in 2023 op 34 procent. Hoe hoog wordt die?': a share answers the how-high."""
    text = "In 2023 was de grijze druk 34 procent. Die druk zal toenemen tot 50 procent."
    question = "De grijze druk lag in 2023 op 34 procent. Hoe hoog wordt die de komende jaren?"
    assert analyse(question).kind == "number"
    best = max(scored(assistant, question, text), key=lambda c: c.score)
    assert best.type_ok and "50 procent" in best.figures
    # no share stated: a number is asked (the "grijze druk" itself is a share in the reports)
    (cand,) = scored(assistant, "Hoe hoog wordt de werkdruk de komende jaren?", text[39:])
    assert not cand.type_ok
    (cand,) = scored(assistant, "Hoe hoog wordt de grijze druk de komende jaren?", text[39:])
    assert cand.type_ok


def test_a_school_year_names_no_number(assistant) -> None:
    """'2024-25' is a school year: its '25' is no number the passage must contain."""
    asked = assistant.scorer.asked(analyse("How many students started in the 2024-25 year?"))
    assert "25" not in asked.numbers and "2024" in asked.numbers


def test_a_word_the_reports_never_use_weighs_little(assistant) -> None:
    """'eindelijk' is in no report: no sentence can match it, so it must not outweigh the
    words that can ('vacatures')."""
    asked = assistant.scorer.asked(analyse("Hoeveel vacatures zijn er eindelijk vervuld?"))
    weights = {g[0]: w for g, w in asked.weights.items()}
    assert not assistant.retriever.known("eindelijk")
    assert weights[tokenize("eindelijk")[0]] <= W["unknown"] < weights[tokenize("vacatures")[0]]


def test_a_duration_in_words_answers_how_long(assistant) -> None:
    """'zes tot twaalf maanden' answers 'how many months', though no digit is in it; a count in
    words not followed by a unit of time ('vijf bedrijven') does not."""
    text = "Eén op de vijf bedrijven heeft zelfs zes tot twaalf maanden nodig."
    question = "What time span in months does it take them to fill a vacancy?"
    assert DURATION.search(question)
    (cand,) = scored(assistant, question, text)
    assert cand.type_ok and cand.figures == ["twaalf"]


def test_a_respondents_own_reason_is_no_cause_the_report_gives(assistant) -> None:
    """A survey's answer option ('Omdat ik wettelijk verplicht was') is one respondent's
    reason: it gets no cause bonus, the same words about the firms do."""
    text = "Omdat ik wettelijk verplicht was\n\nOmdat het wettelijk verplicht was"
    option, report = scored(assistant, "Waarom volgen technici een cursus?", text)
    assert report.score - option.score == pytest.approx(W["cause"], abs=0.01)


def test_a_why_question_prefers_the_sentence_that_gives_the_cause(assistant) -> None:
    text = (
        "Meer industriële werkgevers ervaren nu onvoldoende vraag dan personeelstekorten. "
        "Dat komt door de economische malaise in Duitsland."
    )
    question = "Waarom ervaren industriële werkgevers vaker onvoldoende vraag dan tekorten?"
    assert "malaise" in best_candidate(assistant, question, text, heading="Knelpunten")
    # what a thing leads to is a cause too ("kan dit voor frictie zorgen")
    answer = assistant.ask(
        "Waarom lukt het een industriebedrijf met een moederbedrijf in het buitenland niet altijd "
        "even makkelijk om in Nederland maatregelen tegen CO₂-uitstoot te nemen?"
    )
    assert not answer.abstained and "hoofdkantoor" in answer.answer


def test_a_result_told_after_its_cause_answers_why_with_both(assistant) -> None:
    """'Tata Steel ziet hier echter vanaf. In het Noordzeekanaalgebied is daarom ...': the
    sentence with 'daarom' tells the result, the one before it the cause; 'X, vandaar dat Y'
    gives its cause itself."""
    text = (
        "Tata Steel ziet af van de opslag en kiest voor groen staal. In de regio is daarom een "
        "quick scan gemaakt naar hergebruik van CO₂."
    )
    question = "Waarom is in de regio een quick scan naar hergebruik van CO₂ gemaakt?"
    pair = next(c for c in scored(assistant, question, text) if c.pair)
    (plain,) = (c for c in scored(assistant, question, text.replace("daarom", "ook")) if c.pair)
    assert pair.score - plain.score == pytest.approx(W["cause"], abs=0.01)
    answer = assistant.ask(
        "Waarom is men in het Noordzeekanaalgebied overgestapt van CO₂-opslag in project Athos "
        "op een quick scan naar hergebruik van CO₂?"
    )
    assert not answer.abstained and "Tata Steel" in answer.answer
    own = "De processen gaan volcontinu door, vandaar dat operators in ploegendiensten werken."
    question = "Waarom werken operators in ploegendiensten?"
    (cand,) = scored(assistant, question, own)
    (plain,) = scored(assistant, question, own.replace("vandaar dat", "en"))
    assert cand.score - plain.score == pytest.approx(W["cause"], abs=0.01)


def test_a_whole_word_beats_part_of_a_compound(assistant) -> None:
    rows = (
        "Gemiddeld bruto maandsalaris per branche\n\nElektrotechniek € 3.407\n\nEngineering € 3.622"
    )
    best = best_candidate(assistant, "What is the average gross monthly pay in engineering?", rows)
    assert best == "Engineering € 3.622"


def test_a_share_in_words_answers_a_percentage_question(assistant) -> None:
    answer = assistant.ask(
        "Welk deel van de Nederlandse exportverdiensten komt volgens het CBS voor rekening van "
        "de industrie?"
    )
    assert not answer.abstained and answer.highlight == ["een kwart"]


@pytest.mark.parametrize(
    ("region", "figure"), [("Zuid-Limburg", "17%"), ("Noord-Nederland", "14%")]
)
def test_the_highlighted_figure_is_the_asked_regions(assistant, region: str, figure: str) -> None:
    """One sentence gives '14% in Noord-Nederland en 17% in Zuid-Limburg'."""
    answer = assistant.ask(
        f"Hoe groot is het aandeel 60-plussers onder de industriewerknemers in {region}?"
    )
    assert not answer.abstained and answer.highlight == [figure]


def test_a_stem_matches_itself_and_the_head_or_tail_of_a_compound() -> None:
    stems = frozenset({"opleidingstraject", "personeelstekort", "jaar"})
    assert matches("opleiding", stems) and matches("tekort", stems)  # head, tail
    assert matches("jaar", stems) and matches("personeelstekort", stems)  # the word itself
    assert not matches("leiding", stems)  # inside a compound
    assert not matches("jaa", stems)  # a short stem only as a word of its own
    assert not matches("opleidingstrajecten", stems)  # longer than any


def test_a_compound_of_the_question_matches_its_parts_apart(assistant) -> None:
    """'industriesector' is 'de sector industrie'; 'voorbeeld' is no 'voor' and 'beeld'."""
    sector = ("industriesector",)
    told = reach(stem_set("De grootste groep komt uit de sector industrie."))
    parts = (frozenset({"industrie"}), frozenset({"sector"}))
    assert has_term(sector, told, parts)
    assert not has_term(sector, told, ())  # the word itself is not there
    assert not has_term(sector, reach(stem_set("De sector groeit.")), parts)
    assert has_term(sector, reach(stem_set("Een industriesector.")), ())
    asked = assistant.scorer.asked(analyse("Welk voorbeeld geeft de industriesector?"))
    assert asked.parts == {sector: parts}
    # each part in its plain form too: "groot" is "grote"
    (big,) = assistant.scorer.asked(analyse("Hoeveel grootbedrijven?")).parts.values()
    assert has_term(("grootbedrijf",), reach(stem_set("Voor grote bedrijven.")), big)
    answer = assistant.ask("Welk deel van de WW'ers uit de industriesector is 55-plus?")
    assert not answer.abstained and "43%" in answer.answer


def test_a_project_that_should_run_is_one_that_should_be_operational(assistant) -> None:
    answer = assistant.ask("In welk jaar moet het Porthos-project draaien?")
    assert not answer.abstained and "2026" in answer.answer
    assert "operationeel" in answer.citations[0].quote


def test_when_a_report_appeared_is_told_by_its_dateline(assistant) -> None:
    assert DATELINE.fullmatch("Ede, maart 2024") and DATELINE.fullmatch("Den Haag, 3 May 2025")
    assert not DATELINE.fullmatch("In maart 2024 steeg het aantal vacatures")
    answer = assistant.ask("Wanneer verscheen de TechBarometer?")
    assert not answer.abstained and answer.answer == "Ede, maart 2024"
    (citation,) = answer.citations
    assert citation.source == "003_3a9c37bcf67670c7.txt" and citation.line_start == 3504


def test_the_month_and_year_asked_and_coming_out_are_no_topic(assistant) -> None:
    """'What month and year did it come out?' asks the dateline, not a sentence that names
    months ('afgenomen in de maanden oktober en november 2023')."""
    question = "TechBarometer 2024 - what month and year did it come out?"
    assert not any({"maand", "jaar", "kom"} & set(g) for g in analyse(question).groups)
    answer = assistant.ask(question)
    assert not answer.abstained and answer.answer == "Ede, maart 2024"
    # the month is news even when the question names the year
    assert "maart 2024" in assistant.ask("When was the TechBarometer 2024 released?").answer


def test_a_number_of_the_question_may_be_told_before_in_the_same_section(assistant) -> None:
    """'18 procent is jonger dan 35 jaar' ends one passage; 'Van deze jongeren werken de
    meesten in de installatiebranche' starts the next, under the same heading. A passage
    under a heading of its own does not borrow the numbers of the one before."""
    young = assistant.ask("In welke twee branches werken de meeste technici jonger dan 35?")
    assert not young.abstained and "installatiebranche" in young.answer
    assert "35" not in young.citations[0].quote  # the number is in the passage before
    region = "Welk aandeel van de werknemers in het Noordzeekanaalgebied is 50 tot 60 jaar?"
    assert assistant.ask(region).abstained  # only its 60-plussers; the 50-60 are national


def test_last_years_figure_is_told_by_its_own_sentence(assistant) -> None:
    """'En 54 procent stelt [...]. Dat ligt hoger dan vorig jaar.' gives this year's figure;
    'Toen zag maar 11 procent [...]' last year's."""
    answer = assistant.ask(
        "Hoeveel procent van de techbedrijven noemde vorig jaar een cultuurverandering binnen "
        "bedrijven als oplossing om meer vrouwen te trekken?"
    )
    assert not answer.abstained and "11 procent" in answer.answer
    assert "54 procent" not in answer.answer


def test_how_often_a_list_names_something_is_a_count(assistant) -> None:
    """'Bij de top 10 [...] gaat het zes keer om een technisch beroep' counts; 'twee keer zo
    groot' is a ratio; 'hoe groot is het aanbod' asks no count."""
    assert occurrences("gaat het zes  keer om een technisch beroep", "zes")
    assert occurrences("gaat het in vier gevallen om een technisch beroep", "vier")
    assert not occurrences("dat is twee keer zo groot", "twee")
    answer = assistant.ask(
        "Hoeveel van de tien meest gevraagde vacatures in de industrie zijn technische beroepen?"
    )
    assert not answer.abstained and "zes keer" in answer.answer
    supply = assistant.ask("Hoe groot is het aanbod van sales managers in de WW uit de industrie?")
    assert "gevallen" not in supply.answer


def test_a_relaxed_pattern_drops_word_boundaries_and_lookarounds() -> None:
    pattern = r"(?<!\bte )\bbouw(?!stenen|en\b|t\b)|\bconstruction\b"
    assert relaxed(pattern) == "bouw|construction"
    assert relaxed(r"\bwom[ae]n\b|\b55\+|x(?=[)(])") == r"wom[ae]n|55\+|x"


def test_scopes_are_found_as_by_their_full_patterns(assistant) -> None:
    from assistant.answer import SCOPES, scopes_in, sentences_of

    texts = [c.text[a:b] for c in assistant.retriever.chunks for a, b in sentences_of(c.text)]
    texts += ["op te bouwen", "de bouwsector", "Bouwt", "55-plussers", "agency temps", "vwo"]
    for text in texts:
        full = {s for s in SCOPES if re.search(s.pattern, text.lower())}
        assert {s for found in scopes_in(text).values() for s in found} == full, text


@pytest.mark.parametrize(
    ("question", "text", "period"),
    [
        (  # two months with their year, not a month in passing ("in maart 2024")
            "TechBarometer 2024: in what period was the online questionnaire fielded?",
            "Het rapport verscheen in maart 2024. Het online onderzoek is afgenomen in de"
            " maanden oktober en november 2023.",
            "oktober en november 2023",
        ),
        (  # a period by its end, not a year in passing ("in 2025")
            "Over welke periode wordt een herstel van de industriële productie voorspeld?",
            "In 2025 herstelde de productie zich licht volgens CBS. Voor de periode tot 2027"
            " wordt verwacht dat de productie zich (enigszins) herstelt in de industrie.",
            "periode tot 2027",
        ),
    ],
)
def test_a_period_asked_is_told_by_its_months_or_its_end(
    assistant, question: str, text: str, period: str
) -> None:
    cands = [c for c in scored(assistant, question, text) if c.type_ok]
    assert cands and all(period in c.text for c in cands)


def test_two_months_with_their_year_answer_in_what_period(assistant) -> None:
    answer = assistant.ask(
        "TechBarometer 2024: in what period was the online questionnaire fielded?"
    )
    assert not answer.abstained and "oktober en november 2023" in answer.answer


def test_year_marks_tells_the_years_that_bound_or_start_a_period() -> None:
    years, ranges = year_marks("Van 2014-2022 groeide het, sinds 2019 sneller; in 2023 niet.")
    assert years == {"2014", "2022", "2019", "2023"}
    assert ranges == {"2014", "2022", "2019"}


def test_stems_with_a_double_vowel_match_their_plural() -> None:
    assert plain_form(tokenize("sectoren")[0]) == plain_form(tokenize("sector")[0])
    assert plain_form(tokenize("jaren")[0]) == plain_form(tokenize("jaar")[0])
    assert plain_form("vacatur") == "vacatur"


@pytest.mark.parametrize(
    ("inflected", "plain"),
    [("kritieke", "kritiek"), ("grote", "groot"), ("krappe", "krap"), ("duurzame", "duurzaam")],
)
def test_an_inflected_adjective_matches_its_plain_form(inflected: str, plain: str) -> None:
    assert plain_form(tokenize(inflected)[0]) == plain_form(tokenize(plain)[0])
    assert plain_form(tokenize("tweede")[0]) != plain_form(tokenize("twee")[0])


def test_an_inflected_adjective_in_the_question_finds_the_plain_one(assistant) -> None:
    # the report: "Knelpuntvacatures zijn ‘kritiek’ wanneer de looptijd langer dan 180 dagen is"
    answer = assistant.ask(
        "Hoe lang moet een vacature voor een knelpuntberoep in Vlaanderen openstaan voordat die"
        " als 'kritieke' knelpuntvacature wordt aangemerkt?"
    )
    assert "180" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Vanaf wanneer stijgt het aantal mensen met een WW-uitkering uit de industrie?",
        "Since when has the number of people on unemployment benefit from industry been rising?",
    ],
)
def test_a_since_question_gets_the_start(assistant, question: str) -> None:
    assert analyse(question).kind == "date"
    answer = assistant.ask(question)
    assert not answer.abstained and re.search(r"sinds eind \**2023", answer.answer)
    assert SINCE.search(answer.citations[0].quote)


def test_the_start_of_a_plan_is_the_year_it_is_planned_for(assistant) -> None:
    """'Vanaf welk jaar zou ... in bedrijf moeten zijn' asks the planned year, which the text
    does not mark as a start ('om het in 2026 operationeel te krijgen'); a duty ('vanaf welke
    datum moeten ...') keeps asking for a date marked as a start."""
    plan = "Vanaf welk jaar zou het CO2-opslagproject Porthos in bedrijf moeten zijn?"
    assert SINCE not in assistant.scorer.asked(analyse(plan)).date_marks
    answer = assistant.ask(plan)
    assert not answer.abstained and "2026" in answer.answer
    duty = "Vanaf welke datum moeten grote bedrijven een heffing op hun CO2-uitstoot betalen?"
    assert SINCE in assistant.scorer.asked(analyse(duty)).date_marks


def test_table_rows_are_read_one_by_one(assistant) -> None:
    answer = assistant.ask(
        "Hoeveel vacatures stonden er in het tweede kwartaal van 2023 open voor mechanisch "
        "operators in de procesindustrie?"
    )
    assert not answer.abstained and "3.050" in answer.answer
    assert "3.300" not in answer.answer  # not the row above it
    assert is_row("Mechanisch operators procesindustrie\t3.050")
    assert not is_row("In 2016 waren er nog 94.000 uitzendkrachten. Dat is veel.")


def test_a_year_belongs_to_its_own_sentence() -> None:
    text = "Het duurt 180 dagen. De bezetting was 73% in januari 2024."
    assert figures_of_year(text, ["180", "73%"], ("2023",)) == ["180"]  # 180: no year of its own


def test_what_a_question_counts() -> None:
    assert counted_unit("Hoeveel openstaande vacatures waren er?") == tuple(
        tokenize("openstaande vacatures")
    )
    assert "warmtepomp" in counted_unit("How many heat pumps are needed?")
    assert counted_unit("Hoeveel EC levert één module op?") == ("ec", "studiepunt")  # credits
    # an English noun phrase has its head last, also of three words; "did" is no noun
    notices = counted_unit("How many collective redundancy notifications did firms file?")
    assert "meld" in notices and "did" not in notices
    # asked last: what opens the question is what it counts
    assert counted_unit("Vacatures voor lassers, Q3 2025: hoeveel?") == tuple(tokenize("vacatures"))
    # a ratio asked counts times ("3,5 keer zoveel vacatures als ..."), whatever it names
    assert "keer" in counted_unit("Wat was de verhouding tussen het aantal vacatures en WW'ers?")
    # the words before the time that ends it: not "industrie openstaande"
    assert counted_unit("industrie openstaande vacatures eind 2025, hoeveel?") == tuple(
        tokenize("openstaande vacatures")
    )
    assert counted_unit("lassers oktober 2025: hoeveel?") == tuple(tokenize("lassers"))
    assert "mark" in counted_unit("vacatures krappe markt, hoeveel?")  # a market, no March
    assert "warmtepomp" in counted_unit("heat pumps installed in 2021 - how many?", "en")
    assert counted_unit("Wat kostte een emissierecht begin 2022?") == ("euro",)
    assert counted_unit("Hoeveel euro kost het?") == ("euro",)
    assert "land" in counted_unit("Hoeveel Europese landen zijn dat?")  # not euros
    assert counted_unit("Welk aandeel werkt in de industrie?") == ()
    assert counted_unit("Wat zou die maatregel per jaar kosten?") == ("euro",)
    assert counted_unit("How much did a permit go for in 2017?") == ("euro",)  # a price
    assert counted_unit("Hoeveel moest een bedrijf in 2020 betalen voor een recht?") == ("euro",)
    assert counted_unit("How much did a firm pay for one allowance?", "en") == ("euro",)
    assert counted_unit("Hoeveel bedrijven betalen mee?") != ("euro",)  # a count of firms
    assert "mton" in counted_unit("Hoeveel ton CO₂ slaat Porthos per jaar op?")  # megatonnes
    # first-year students are counted as students ("bijna 40.000 studenten ... begonnen")
    assert "student" in counted_unit("mbo-instroom 2024/2025: hoeveel eerstejaars?")
    # "hoeveel kilometer" is counted in km ("ongeveer 20 km vanuit de kust")
    assert counts_head(counted_unit("Op hoeveel kilometer uit de kust?"), tokenize("km uit"))
    assert counted_unit("Rond welk aantal ligt die ongeveer?") == ()  # a verb, not a unit
    assert counted_unit("Hoeveel zette de defensie-industrie in 2024 om?") == ()
    assert "zij-instromer" in counted_unit("Hoeveel potentiële zij-instromers deden mee?")
    assert counted_unit("How much CO₂ does Porthos store each year?", "en") == ("co2",)
    assert counted_unit("Hoeveel wordt er in totaal in Porthos geïnvesteerd?") == ("euro",)
    assert counted_unit("Hoeveel bedrijven investeren in scholing?") != ("euro",)
    assert counted_unit("Oktober 2025: hoeveel daarvan gaan naar kwaliteitsmanagers?") == ()
    assert ABSOLUTE.search("Flanders 2022: raw number (not the percentage) of vacancies?")
    assert ABSOLUTE.search("Hoeveel knelpuntvacatures, dus niet het aandeel?")
    assert not ABSOLUTE.search("Welk percentage van de bedrijven?")
    assert analyse("Welk aandeel werkt in de industrie?").unit == ()
    assert analyse("Hoeveel vacatures waren er eind 2023?").quarter == 4  # the year's end


def test_number_guard() -> None:
    assert numbers_supported("er waren 28.000 vacatures", ["uiteindelijk 28.000 vacatures"])
    assert numbers_supported("28.000", ["eerst 1.000", "dan 28000"])
    assert not numbers_supported("er waren 29.000 vacatures", ["uiteindelijk 28.000 vacatures"])


def test_window_is_bounded_and_keeps_the_focus() -> None:
    text = "woord " * 200 + "28.000 vacatures " + "woord " * 200
    piece = window(text, "28.000", 400)
    assert len(piece) <= 400 and "28.000" in piece


def test_locate_finds_the_lines_of_a_repaired_quote() -> None:
    lines = ("eerste regel", "uiteindelijk 2 8.000 vacatures aan", "het eind van 2025.", "slot")
    assert locate("28.000 vacatures aan het eind van 2025.", lines, 1, 4) == (2, 3)
    assert locate("iets anders", lines, 1, 4) is None
    # a footnote the chunker took out of a sentence is skipped, and the range spans it
    noted = ("Dit leidt niet tot", "", "³⁰ Natuur en milieu (2021), rapport.", "", "minder CO2.")
    assert locate("Dit leidt niet tot minder CO2.", noted, 1, 5) == (1, 5)


def test_no_model_is_loaded_at_import() -> None:
    import subprocess
    import sys

    code = "import sys, assistant.cli, assistant.answer; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_repo_root_has_seeds() -> None:
    assert len(list(Path(ROOT, "seeds").glob("*.txt"))) == 5


def test_without_a_counted_unit_a_duration_is_no_count() -> None:
    """'Logistiek managers ... okt 2025: hoeveel zijn dat er?' is not 'max 6 maanden'."""
    heading = "Aanbod mensen WW, max 6 maanden uit industrie en uitzend, oktober 2025"
    assert measures_other(heading, "6", counted_unit("Hoeveel zijn dat er?"))
    assert not measures_other("Logistiek managers 200", "200", ())
    assert not measures_other("Het kost 500 euro per deelnemer.", "500", ())  # an amount
    answer = analyse("Hoe lang duurt de oriëntatieperiode bij Saxion?")
    assert answer.unit == () and DURATION.search(answer.text)


def test_people_in_general_count_groups_of_people_not_companies() -> None:
    companies = counted_unit("Met hoeveel bedrijven werkt het Talent Office samen?")
    assert companies == counted_unit("Met hoeveel bedrijven?")  # not the verb after the noun
    assert counts_else(companies, tokenize("50 medewerkers in opleiding")[1:])
    dismissals = counted_unit("Vanaf hoeveel ontslagen moet een werkgever het melden?")
    assert not counts_else(dismissals, tokenize("20 werknemers binnen 3 maanden")[1:])
    notifications = counted_unit("Hoeveel meldingen waren er?")
    assert counts_else(notifications, tokenize("20 werknemers")[1:])
    notices = counted_unit("Hoeveel ontslagmeldingen waren er?")  # a compound of a thing
    assert counts_else(notices, tokenize("20 werknemers")[1:])
    technicians = counted_unit("How many technicians took part?", "en")
    assert counts_else(technicians, tokenize("53.800 openstaande vacatures")[1:])  # adjective


def test_a_group_of_people_counts_people(assistant) -> None:
    """'How many people belong to the unions': '2 miljoen leden' counts people; neither a
    count of vacancies nor people in general ('50 medewerkers') counts a named group."""
    people = counted_unit("Roughly how many people belong to the trade unions?", "en")
    assert counts_people(people, stem_set("meer dan 2 miljoen leden bij de vakbonden"))
    assert counts_people(people, stem_set("2.700 technici vulden de vragenlijst in"))
    assert not counts_people(people, stem_set("bijna 51.000 openstaande vacatures"))
    assert not counts_people(counted_unit("Hoeveel bedrijven?"), stem_set("2 miljoen leden"))
    text = (
        "De Vlaamse werkgevers- en werknemersorganisaties willen zich met hun leden (meer dan "
        "2 miljoen leden bij de vakbonden) inzetten voor de industrie."
    )
    question = "Roughly how many people belong to the Flemish trade unions?"
    (cand,) = scored(assistant, question, text)
    assert cand.type_ok and not cand.counts_other


def test_a_field_is_no_occupation(assistant) -> None:
    """'mechanical engineering' is a field of study (werktuigbouw), not engineers."""
    info = analyse("Which mbo fields grew: chemistry, metal or mechanical engineering?")
    assert assistant.scorer.asked(info).subgroups == []
    info = analyse("How many vacancies for engineers were there?")
    assert assistant.scorer.asked(info).subgroups


def test_an_occupation_named_in_the_paragraph_before_is_not_missing(assistant) -> None:
    """004's requirements list for the process operator names the occupation only in the
    paragraph above it, which is the chunk before."""
    from assistant.answer import split_candidates
    from assistant.models import Passage

    chunk = next(c for c in assistant.retriever.chunks if "opleiding VAPRO B" in c.text)
    assert "procesoperator" not in chunk.text.lower()
    before = assistant.retriever.preceding(chunk)
    assert before is not None and "procesoperator" in before.text.lower()
    asked = assistant.scorer.asked(
        analyse("Iemand wil procesoperator worden. Welke aanvullende opleiding is nodig?")
    )
    assert asked.subgroups
    cand = next(c for c in split_candidates(Passage(chunk, 1.0), 0) if "VAPRO B" in c.text)
    assistant.scorer.score(asked, cand)
    assert cand.missing == []


def test_two_tables_side_by_side_give_two_rows_per_line(assistant) -> None:
    """'Wat werkgevers vragen' beside 'Aanbod mensen WW': each half of a line is a row, and every
    row is read with the caption above the table, not with the rows above it."""
    text = (
        "Vacatures industrie, 3e kwartaal 2025 Aantal\n\n"
        "Aanbod mensen WW, max 6 maanden, oktober 2025\n\nAantal\n\n"
        "Monteurs industriële machines 1.800 Productiemedewerkers 3.200\n\n"
        "Managers sales en marketing 500 (Hoofd)operators procesindustrie 300\n\n"
        "Magazijn, - expeditiemedewerkers en orderpickers 400 Logistiek managers 200\n\nBron UWV"
    )
    from assistant.answer import split_candidates, table_top
    from assistant.models import Chunk, Passage

    chunk = Chunk("x", "x.txt", text, "R", None, "", None, 1, 9)
    rows = [c.text for c in split_candidates(Passage(chunk, 1.0), 0)]
    assert "Logistiek managers 200" in rows and "Productiemedewerkers 3.200" in rows
    assert text[table_top(text, text.index("Magazijn")) :].startswith("Monteurs")
    question = "Logistiek managers in de WW, oktober 2025: hoeveel zijn dat er?"
    assert best_candidate(assistant, question, text) == "Logistiek managers 200"


def test_a_region_of_the_scopes_is_checked_as_a_scope_not_as_a_name(assistant) -> None:
    """'Tata Steel in IJmuiden': the report says Noordzeekanaalgebied, the same region."""
    info = analyse("Which technology replaces the blast furnaces of Tata Steel in IJmuiden?")
    names = assistant.scorer.required_names(info)
    assert not any(n & set(tokenize("IJmuiden")) for n in names)
    assert any(n & set(tokenize("Tata")) for n in names)  # an organisation stays a name
    assert asked_scopes(info.text) == {"place": frozenset({"amsterdam"})}


def test_the_first_word_of_a_sentence_is_no_name_and_ten_is_dutch() -> None:
    info = analyse("I have a client for Be an Engineer. If she goes for the bachelor, how long?")
    names = {s for n in info.names for s in n}
    assert set(tokenize("Engineer")) <= names and not set(tokenize("If indien")) & names
    assert figures_of("Ten tweede meent 21 procent dat de winst daalt.", "number") == []


def test_a_regional_figure_does_not_answer_for_the_whole(assistant) -> None:
    """No place asked: 'In Rotterdam/Moerdijk ... 12%' is a region's share, not the average;
    asked for a region ('in welke regio'), it answers."""
    text = (
        "Het aandeel 60-plussers varieert per regio. In Rotterdam/Moerdijk is het aandeel "
        "60-plussers in de industrie 12%, net onder het landelijk gemiddelde."
    )

    def conflicts(question: str) -> set[str]:
        cands = scored(assistant, question, text)
        return next(c for c in cands if c.text.startswith("In Rotterdam")).conflicts

    assert "place" in conflicts("Welk aandeel van de werknemers in de industrie is 60-plusser?")
    assert "place" not in conflicts("In welke regio is het aandeel 60-plussers het laagst?")
    assert "place" not in conflicts("In welke koploperregio is dat percentage het laagst?")
    assert "place" not in conflicts("Welk aandeel 60-plussers heeft Rotterdam?")


def test_since_a_year_is_the_start_of_a_period_not_the_year_of_the_figure() -> None:
    from assistant.answer import Candidate, Scorer
    from assistant.models import Chunk, Passage

    def year_score(text: str) -> float:
        chunk = Chunk("x", "x.txt", text, "R", None, "", None, 1, 1)
        cand = Candidate(text, Passage(chunk, 1.0), 0, 0, len(text))
        info = analyse("Welk aandeel werkgevers had in 2022 last van onvoldoende vraag?")
        return Scorer._year_score(info, cand, "")

    assert year_score("In 2022 had 12% last van onvoldoende vraag.") == 1.0
    assert year_score("Sinds 2022 stijgt het aandeel; inmiddels is het 25%.") < 1.0


def test_from_a_report_is_no_since_question(assistant) -> None:
    """'the goals cited from the Klimaatnota' asks a year, not the start of a period."""
    answer = assistant.ask(
        "By what year is the Netherlands supposed to be fully climate-neutral, according to "
        "the goals cited from the Klimaatnota?"
    )
    assert not answer.abstained and "2050" in answer.answer


def test_the_last_sentence_of_a_question_asks_and_the_ones_before_set_the_scene(assistant) -> None:
    from assistant.answer import W

    question = "Het gaat om de Vlaamse industrie. Wat drijft de kwantitatieve mismatch?"
    asked = assistant.scorer.asked(analyse(question))
    share = {g[0]: w / assistant.scorer.group_weight(g) for g, w in asked.weights.items()}
    assert share[tokenize("Vlaamse")[0]] == pytest.approx(W["scene"])
    assert share[tokenize("mismatch")[0]] == 1.0
    # "i.e. open for more than 90 days" is no new sentence
    one = assistant.scorer.asked(analyse("Which share, i.e. open for 90 days, was critical?"))
    assert all(w == assistant.scorer.group_weight(g) for g, w in one.weights.items())


def test_the_right_table_of_two_side_by_side_is_read_with_its_own_caption(assistant) -> None:
    """Each half of a line of two tables belongs to its own table: the WW supply of business
    consultants is the right half (300), not the vacancies on the left (600)."""
    text = (
        "Vacatures industrie, 3e kwartaal 2025 Aantal\n\n"
        "Aanbod mensen WW, max 6 maanden, oktober 2025\n\nAantal\n\n"
        "Productiemedewerkers 900 Monteurs industriële machines 300\n\n"
        "Business consultants en kwaliteitsmanagers 600 Productiemedewerkers 3.200\n\n"
        "Managers sales en marketing 500 Business consultants en kwaliteitsmanagers 300\n\nBron UWV"
    )
    ww = "Aanbod WW max 6 maanden, business consultants en kwaliteitsmanagers, okt 2025: hoeveel?"
    right = "Business consultants en kwaliteitsmanagers 300"
    assert best_candidate(assistant, ww, text) == right
    vacancies = "Hoeveel vacatures voor productiemedewerkers in het 3e kwartaal 2025?"
    assert best_candidate(assistant, vacancies, text) == "Productiemedewerkers 900"


def test_days_of_a_date_and_places_in_a_ranking_are_no_counts() -> None:
    assert figures_of("Op 21 mei vindt het debat plaats met 6 partijen.", "number") == ["6"]
    assert figures_of("On 6 February 2024, 3 may be late.", "number") == ["3"]
    assert figures_of("De vraag steeg van plek 9 naar plek 3, in 40 weken.", "number") == ["40"]


def test_a_footnote_marker_that_opens_a_sentence_is_no_figure() -> None:
    text = "Het aantal daalt, vooral op het hbo. 13 Verder vertrekken er 500 studenten."
    assert figures_of(text, "number") == ["500"]


def test_higher_education_is_hbo_and_wo_but_hbo_is_not_all_higher_education() -> None:
    figure = "Bijna 40.000 studenten op het mbo en 48.000 in het hoger onderwijs begonnen."
    both = asked_scopes("How many started in higher education (HBO and university combined)?")
    assert both["level"] >= {"hbo", "wo"}
    assert not scope_conflict(both, figure)
    assert scope_conflict(asked_scopes("Hoeveel studenten begonnen op het hbo?"), figure)
    # "hbo en wo" asked: higher education told covers both, and its clause's figure is the one
    hbo_wo = asked_scopes("Hoeveel eerstejaars in hbo en wo?")
    assert not scope_conflict(hbo_wo, "48.000 in het hoger onderwijs")
    assert figures_of_scope(figure, ["40.000", "48.000"], hbo_wo) == ["48.000"]
    mbo = asked_scopes("Hoeveel eerstejaars op het mbo?")
    assert figures_of_scope(figure, ["40.000", "48.000"], mbo) == ["40.000"]
    hbo = asked_scopes("Hoeveel studenten begonnen op het hbo?")  # neither clause is hbo alone
    assert figures_of_scope(figure, ["40.000", "48.000"], hbo) == ["40.000", "48.000"]


def test_a_hogeschool_is_hbo_so_hogeschool_or_universiteit_is_higher_education() -> None:
    figure = "Bijna 40.000 studenten op het mbo en 48.000 in het hoger onderwijs begonnen."
    asked = asked_scopes("Hoeveel studenten kozen op hogeschool of universiteit voor techniek?")
    assert asked["level"] == {"hbo", "wo"}
    assert not scope_conflict(asked, figure)
    assert asked_scopes("Hoeveel hogescholen bieden het aan?")["level"] == {"hbo"}


def test_a_figure_the_next_sentence_compares_with_the_asked_year_is_of_another_year(
    assistant,
) -> None:
    """'Er zijn 1.847.000 werkenden ... Dat is een stijging van 5 procent ten opzichte van
    2023': not the number of 2023."""
    answer = assistant.ask("Hoeveel werkenden met een technisch beroep waren er in 2023?")
    assert "1.847.000" not in answer.answer


def test_the_number_of_people_counts_people() -> None:
    unit = counted_unit("What was the total number of people in a technical job?")
    assert unit == tuple(dict.fromkeys(s for g in term_groups("people", True) for s in g))


def test_how_much_time_asks_a_duration_not_a_count_of_time() -> None:
    assert counted_unit("Hoeveel tijd neemt dat traject in beslag?") == ()
    assert analyse("Hoeveel tijd neemt dat traject in beslag?").kind == "number"


def test_an_auxiliary_after_how_many_counts_what_was_said_before() -> None:
    """'Of all the vacancies, how many were looking for technicians': not a count of 'looking'."""
    question = "Of all the unfilled vacancies in 2023, how many were looking for technicians?"
    assert counted_unit(question) == ()
    assert counted_unit("Vacatures Q2 2023 in de industrie: hoeveel stonden er open?") == ()
    assert counted_unit("How many heat pumps were installed?") == tuple(
        dict.fromkeys(s for g in term_groups("heat pumps", True) for s in g)
    )


def test_what_is_counted_skips_extra_and_amounts_are_numbers() -> None:
    assert "technici" in counted_unit("How many additional technicians are needed?", "en")
    assert "extra" not in counted_unit("Hoeveel extra technici zijn nodig?", "nl")
    assert analyse("What is the total investment cost of the Porthos project?").unit == ("euro",)


def test_a_figure_about_one_group_of_people_does_not_answer_for_all(assistant) -> None:
    """No group asked: 'bij de uitzendkrachten ... 6 op de 10' is the agency workers' share,
    not that of everyone on WW; asked for agency workers, it answers. What the question
    leaves out ('dus niet de uitzendkrachten') is not asked."""
    text = (
        "Vanuit de sector industrie heeft 3 op de 10 maximaal mbo-1. Daarentegen heeft bij de "
        "uitzendkrachten met een industrieberoep bijna 6 op de 10 maximaal mbo-1."
    )
    everyone = "Welk deel van de mensen in de WW uit de industrie heeft maximaal mbo-1?"
    assert best_candidate(assistant, everyone, text).startswith("Vanuit de sector")
    agency = "Welk deel van de uitzendkrachten in de WW uit de industrie heeft maximaal mbo-1?"
    assert best_candidate(assistant, agency, text).startswith("Daarentegen")
    assert asked_scopes("Hoeveel mensen uit de industrie (dus niet de uitzendkrachten)?") == {
        "sector": frozenset({"industrie"})
    }
    assert "people" not in asked_scopes("Hoeveel werknemers, zonder de uitzendkrachten?")
    # "zonder" for what is asked, not what is left out
    without = "Het aandeel zonder startkwalificatie onder de uitzendkrachten in de WW?"
    assert asked_scopes(without)["people"] == {"uitzendkrachten"}
    # "men" is a group in English, the pronoun "one" in Dutch
    assert asked_scopes("How many men work in technical jobs?")["people"] == {"mannen"}
    assert "people" not in asked_scopes("Hoeveel procent verwacht men in 2025?")
    assert asked_scopes("What share of the women are over 55?")["people"] == {"vrouwen", "ouderen"}
    changers = asked_scopes("What percentage of prospective career changers felt positive?")
    assert changers["people"] == {"zij-instromers"}
    assert share_of("What share of career changers feel positive?") == "zij-instromers"


def test_an_age_group_is_a_scope_sixty_plus_is_not_fifty_to_sixty() -> None:
    """'aged 60 or older' is not answered by '234.100 werknemers van 50 tot 60 jaar oud' (it
    names the 60), but by '13% ... is 60 jaar of ouder: dit zijn 111.300 werknemers'."""
    sixty = asked_scopes("How many industrial employees were aged 60 or older in 2022?")
    assert sixty["people"] == {"60-plussers"}
    assert scope_conflict(sixty, "Het gaat om 234.100 werknemers van 50 tot 60 jaar oud.")
    assert not scope_conflict(sixty, "13% is 60 jaar of ouder: dit zijn 111.300 werknemers.")
    assert not scope_conflict(sixty, "Het aandeel 60-plussers in de industrie is 12%.")
    fifties = asked_scopes("Welk deel van de werknemers is tussen de vijftig en zestig jaar?")
    assert fifties == asked_scopes("What share of employees are aged between 50 and 60?")
    assert scope_conflict(fifties, "13% is zestig jaar of ouder.")


@pytest.mark.parametrize(
    "question",
    [
        "Welk percentage van de mogelijke overstappers naar de techniek is positief?",
        "What share of people moving into technical work from elsewhere feel positive?",
        "Hoeveel procent van de omscholers overweegt de overstap naar de techniek?",
    ],
)
def test_career_changers_by_other_names(question: str) -> None:
    """'Overstappers', 'omscholers', 'people moving into technical work' are the career
    changers of the survey (zij-instromers): asked so, they are the question's group, and a
    passage about them is no other group's."""
    assert asked_scopes(question)["people"] == {"zij-instromers"}
    other = "Welk deel van de technici stapt over naar een andere baan?"
    assert "people" not in asked_scopes(other)


def test_the_technical_industries_are_not_manufacturing(assistant) -> None:
    """'The technical industries' are the technical sectors of the position paper, not
    industry: a passage that never names industry still answers them."""
    assert "sector" not in asked_scopes("Why do the technical industries want more W&T?")
    assert "sector" not in asked_scopes("What does the tech industry ask of the minister?")
    assert asked_scopes("How many work in manufacturing industries?")["sector"] == {"industrie"}
    assert asked_scopes("Which industries employ most?")["sector"] == {"industrie"}
    (paper,) = [c for c in assistant.retriever.chunks if "Veranker Wetenschap" in c.text]
    assert "industri" not in f"{paper.title} {paper.heading} {paper.text}".lower()
    asked = assistant.scorer.asked(analyse("Why do the technical industries want W&T taught?"))
    assert not assistant.scorer.facts_of(asked, paper).missing


def test_a_ministry_may_be_named_by_its_abbreviation(assistant) -> None:
    """'Sociale Zaken' is 'SZW' in the position paper: the passage that says so does not
    lack the name, and the agenda's date ('voor de zomer') is answered."""
    question = (
        "Wat is de beoogde termijn voor de agenda voor arbeidsproductiviteit waaraan de "
        "ministeries van Sociale Zaken en Economische Zaken samen werken?"
    )
    (paper,) = [c for c in assistant.retriever.chunks if "collega van SZW" in c.text]
    assert "sociale zaken" not in paper.text.lower()
    asked = assistant.scorer.asked(analyse(question))
    assert not assistant.scorer.facts_of(asked, paper).missing
    answer = assistant.ask(question)
    assert not answer.abstained and "voor de zomer" in answer.answer
    # the abbreviation is one of the ministry's words, for the sentence's words too:
    # "Het kabinet werkt aan een Arbeidsproductiviteitsagenda (SZW/EZ, zomer 2025)."
    terms = assistant.scorer.terms(analyse(question))
    assert any({"szw", *tokenize("Sociale")} <= set(g) for g in terms)
    answer = assistant.ask(
        "Voor wanneer staat de Arbeidsproductiviteitsagenda van de ministeries van Sociale Zaken"
        " en Economische Zaken gepland?"
    )
    assert "zomer 2025" in answer.answer


def test_a_compound_name_told_in_its_parts_is_not_missing(assistant) -> None:
    """'EU ETS' (emissiehandel) is in the passage that speaks of 'de handel in
    emissierechten': its price in 2017 is answered from there."""
    (rights,) = [c for c in assistant.retriever.chunks if "van 5 euro in 2017" in c.text]
    assert "emissiehandel" not in rights.text.lower()
    question = "In 2017, what was the price of one EU ETS permit to emit a tonne of CO2?"
    asked = assistant.scorer.asked(analyse(question))
    assert {"emissiehandel"} <= set().union(*asked.names)
    assert not assistant.scorer.facts_of(asked, rights).missing
    answer = assistant.ask(question)
    assert not answer.abstained and "5 euro in 2017" in answer.answer


def test_a_group_of_people_the_report_never_names_is_missing(assistant) -> None:
    """'What share are women' of a report that never speaks of women: declined."""
    answer = assistant.ask(
        "Of the people on WW benefits in December 2025 who previously worked in Dutch "
        "manufacturing, what share are women?"
    )
    assert answer.abstained


def test_what_a_pair_counts_is_read_in_the_sentence_of_its_figure(assistant) -> None:
    """'500.000 nieuwe aansluitingen' counts connections, even when the next sentence of the
    pair speaks of technicians."""
    answer = assistant.ask(
        "How many additional technicians will the Netherlands need by 2030 just to expand the "
        "electricity grid?"
    )
    assert answer.abstained


def test_a_share_in_a_table_answers_a_count_only_of_what_its_passage_is_about(
    assistant,
) -> None:
    """'Hoeveel bedrijven verwachten ...' of a survey of firms: the share answers. A count of
    something the passage never names, or one asked 'in absolute terms', it does not."""
    text = (
        "Verwachting winst technische bedrijven\n\n2024 2023 2022\n\nDaalt 10% 7% 5%\n\n"
        "Stijgt 29% 51% 53%\n\nWeinig nieuwe aanwas 32% 37% 33%"
    )
    firms = "Hoeveel technische bedrijven verwachten dat hun winst in 2024 stijgt?"
    assert best_candidate(assistant, firms, text) == "Stijgt 29% 51% 53%"
    for question in (
        "How many knowledge migrants came to work for Dutch technical companies in 2024?",
        "In absolute terms, how many technical companies expected their profit to rise in 2024?",
    ):
        cands = scored(assistant, question, text)
        assert not any(c.figures for c in cands if c.cell), question


def test_a_row_under_a_caption_of_a_month_of_another_quarter_is_another_time(
    assistant,
) -> None:
    """The WW table is of October: it does not answer for the second quarter, unless the
    question names a month itself ('Q3 vacancies; how many on WW in October?')."""
    text = (
        "Vacatures industrie, 3e kwartaal 2025 Aantal\n\n"
        "Aanbod mensen WW, max 6 maanden, oktober 2025\n\nAantal\n\n"
        "Productiemedewerkers 900 Productiemedewerkers 3.200\n\nBron UWV"
    )

    def conflicts(question: str) -> set[str]:
        cands = scored(assistant, question, text)
        return next(c for c in cands if c.text == "Productiemedewerkers 3.200").conflicts

    assert "time" in conflicts("Hoeveel productiemedewerkers in het tweede kwartaal van 2025?")
    assert "time" not in conflicts(
        "Q3 2025 had 900 openings. How many production workers were on WW in October 2025?"
    )


def test_counts_in_words_above_twelve() -> None:
    assert figures_of("De grootste daling in vijftien jaar tijd.", "number") == ["vijftien"]
    assert figures_of("It was the largest fall in fifteen years.", "number") == ["fifteen"]


def test_a_table_cell_of_the_asked_year_may_take_over_from_a_sentence_of_no_year(
    assistant,
) -> None:
    """'Bijna de helft ... langer dan 90 dagen' names no year and its passage is of others; the
    table's 2015 column answers for 2015."""
    answer = assistant.ask(
        "Vlaamse industriële beroepen en ambachten in 2015: welk deel van de vacatures was een "
        "knelpuntvacature (langer dan 90 dagen open)?"
    )
    assert not answer.abstained and "28,4" in answer.answer


def test_a_source_line_as_heading_sets_no_place(assistant) -> None:
    """A chunk whose heading is the source line of the figure above it ("Bron: Windpark boven
    Groningen ...") is not about Groningen: Tata Steel's technology answers for IJmuiden."""
    text = (
        "Tata Steel in het Noordzeekanaalgebied maakt groen staal.\n\nTata Steel stapt over op "
        "waterstof. Dat betekent dat het bedrijf op een andere manier staal gaat maken. Hoogovens "
        "(die op kolen draaien) worden vervangen door de Direct Reduced Iron technologie."
    )
    question = "Tata Steel in IJmuiden: which technology replaces its coal-fired blast furnaces?"
    cands = scored(assistant, question, text, heading="Bron: Windpark boven Groningen")
    best = max(cands, key=lambda c: c.score)
    assert "Hoogovens" in best.text and not best.conflicts and not best.missing


def test_which_organisations_is_answered_by_the_sentence_that_names_them(assistant) -> None:
    from assistant.answer import new_names

    found = new_names("De organisaties (ACV, Voka, ABVV) willen dat. Voka ook.", "Welke ACV?")
    assert found == {"Voka", "ABVV"}  # not the first word of a sentence, not the question's
    text = (
        "In hun oproep voor een industriebeleid vragen de Vlaamse sociale partners om "
        "prioritaire maatregelen. De Vlaamse werkgevers- en werknemersorganisaties (ACV, Voka, "
        "Vlaams ABVV, UNIZO, Boerenbond) willen zich inzetten voor de industrie."
    )
    question = "Welke Vlaamse werkgevers- en werknemersorganisaties staan achter de oproep?"
    assert "Voka" in best_candidate(assistant, question, text)


def test_an_amount_in_euro_and_the_second_of_two_labels_are_no_counts() -> None:
    assert measures_other("verdienen technici € 3.111 bruto per maand", "3.111", ("technici",))
    assert not measures_other("verdienen technici € 3.111 bruto", "3.111", ("euro",))
    assert figures_of("zit met name op beroepsniveau 2 en 1 (eenvoudige taken)", "number") == []


def test_an_average_age_is_a_figure_in_years() -> None:
    info = analyse("Wat is de gemiddelde leeftijd van de ondervraagde technici?")
    assert info.kind == "number" and DURATION.search(info.text)


def test_a_lead_in_that_ends_its_passage_reads_on_into_the_list(assistant) -> None:
    """'... brengen graag een aantal zaken onder uw aandacht:' is answered with the list that
    follows in the next passage, even when the lead-in is long."""
    answer = assistant.ask(
        "Welke thema's brengen de technische brancheorganisaties in hun position paper voor het "
        "commissiedebat over arbeidsmarktkrapte onder de aandacht?"
    )
    assert "onder uw aandacht:" in answer.answer and "1. Oproep aan kabinet" in answer.answer


def test_after_a_scene_setting_sentence_the_answer_reads_on(assistant) -> None:
    """A question that first restates the text ('... leverde overtuigende productiviteitswinst
    op.') asks what follows it: the answer goes on into the next sentence."""
    answer = assistant.ask(
        "Het experiment Shaping the Future of Work leverde mkb-bedrijven overtuigende "
        "productiviteitswinst op. Wat is dan het bezwaar van de technieksectoren?"
    )
    assert "Shaping the Future of Work" in answer.answer
    assert "nog niet voorzien in vervolg of opschaling" in answer.answer


def test_the_share_of_the_asked_surveyed_group(assistant) -> None:
    """'Welk deel van de technici ...': not the 43 percent of the companies in the sentence."""
    from assistant.answer import share_group, share_of

    assert share_of("Welk deel van de technici vindt dat?") == "technici"
    assert share_of("What % of tech firms think so?") == "bedrijven"
    text = "Zo'n 43 procent van de bedrijven vindt dat, versus technici (38 procent)."
    assert share_group(text, "43 procent") == "bedrijven"
    assert share_group(text, "38 procent") == "technici"
    opening = "Van de technische bedrijven ziet 34 procent het als belangrijkste uitdaging."
    assert share_group(opening, "34 procent") == "bedrijven"  # the group opens the sentence
    answer = assistant.ask(
        "Tech firms see getting their technicians enthusiastic about training as their main "
        "hurdle. But what percentage of technicians say they are keen, of their own accord, to "
        "do a course or training?"
    )
    assert answer.highlight == ["85 procent"]
    answer = assistant.ask(
        "Bij de uitbreiding van het warmtenet speelt ook vakkennis een rol. Welk deel van de "
        "technici vindt zelf dat de huidige vakkennis van technici te beperkt is?"
    )
    assert answer.highlight == ["38 procent"]


def test_a_choice_between_two_gets_both_figures(assistant) -> None:
    assert analyse("Verdient een technicus meer in de energietransitie of in de industrie?").compare
    assert analyse("More vacancies for welders or for fitters in Q2 2023?").compare
    assert not analyse("How many were on WW six months or less (industry or agency)?").compare
    assert not analyse("In which year did more than half blame demand or prices?").compare
    answer = assistant.ask(
        "Verdient een technicus volgens de cijfers van de Nationale Beroepengids in de "
        "TechBarometer gemiddeld meer in de branche energietransitie of in industrie en productie?"
    )
    assert "3.470" in answer.answer and "3.404" in answer.answer
    # the second figure comes from a passage that names the source asked ("Nationale
    # Beroepengids"), not the overall average of a passage that does not (€ 3.111)
    answer = assistant.ask(
        "Waar verdienen technici gemiddeld meer volgens de Nationale Beroepengids-cijfers in de "
        "TechBarometer: in de energietransitie, of in industrie en productie?"
    )
    assert "3.470" in answer.answer and "3.404" in answer.answer and "3.111" not in answer.answer


def test_the_answer_may_come_from_any_of_the_ten_retrieved_passages(assistant) -> None:
    """'Over het onderzoek' (1.025 potentiële zij-instromers) is retrieved tenth."""
    question = (
        "Hoeveel potentiële zij-instromers hebben er meegedaan aan het onderzoek voor de "
        "TechBarometer 2024?"
    )
    answer = assistant.ask(question)
    assert "1.025" in answer.answer


def test_a_hyphenated_qualifier_of_an_occupation_is_not_required_whole(assistant) -> None:
    """'een kandidaat-procesoperator': a passage names the procesoperator, not the candidate."""
    asked = assistant.scorer.asked(
        analyse("Welke opleiding verlangen werkgevers van een kandidaat-procesoperator?")
    )
    assert asked.subgroups == [("procesoperator",)]
    assert without_qualifiers([("lasser",), ("las-lasser",)]) == [("lasser",)]
    assert without_qualifiers([("lasser",), ("monteur",)]) == [("lasser",), ("monteur",)]


def test_a_number_in_a_compound_name_is_not_a_word_after_the_count() -> None:
    """'de acht omliggende Natura 2000-gebieden' counts areas, as 'acht gebieden' does."""
    areas = counted_unit("Om hoeveel gebieden ging het?")
    text = "dat de acht omliggende Natura 2000-gebieden niet worden aangetast"
    assert counted_after(text, "acht", areas)
    assert not counted_after("de acht omliggende bedrijven in 2000 en gebieden", "acht", areas)


def test_a_translation_that_is_a_compound_of_another_counts_something_else() -> None:
    """'plumbers' is loodgieter; loodgietersbedrijven are firms, and '10.000
    loodgietersbedrijven' counts firms, not plumbers; 'knelpuntvacatures' are vacancies."""
    plumbers = counted_unit("How many plumbers are working in the Netherlands?", "en")
    assert "loodgieter" in plumbers and not any(len(s) > 12 for s in plumbers)
    after = tokenize("10.000 loodgietersbedrijven ingeschreven")[1:]
    assert not counts_head(plumbers, after) and counts_else(plumbers, after)
    vacancies = counted_unit("Hoeveel vacatures waren er?")
    assert counts_head(vacancies, tokenize("knelpuntvacatures in de industrie"))
    students = counted_unit("Hoeveel bachelorstudenten waren er in 2022?")
    assert counts_head(students, tokenize("bachelor studenten"))
    assert not counts_head(counted_unit("Wat kostte het?"), tokenize("andere Europese landen"))


def test_how_long_or_how_old_is_not_answered_by_a_figure_without_a_unit_of_time(
    assistant,
) -> None:
    """'Hoe lang werken ze al in de techniek?': 'gemiddeld € 3.111 per maand' is no answer,
    '61 procent werkt al meer dan 20 jaar in de techniek' is."""
    text = (
        "Gemiddeld verdienen technici € 3.111 bruto per maand. "
        "61 procent werkt al meer dan 20 jaar in de techniek."
    )
    money, years = scored(assistant, "Hoe lang werken de technici al in de techniek?", text)[:2]
    assert not money.type_ok and years.type_ok and years.figures == ["20"]
    (money,) = scored(assistant, "Hoe oud zijn de technici gemiddeld?", text[:54])
    assert not money.type_ok


def test_occupations_given_as_examples_are_not_asked_about(assistant) -> None:
    """'krapte in technische beroepen (zoals machinemonteurs)': the mechanics are an example,
    the question is not about them alone; without the brackets it is."""
    asked = assistant.scorer.asked(
        analyse("Hoe groot wordt de krapte in technische beroepen (zoals machinemonteurs)?")
    )
    assert asked.subgroups == []
    asked = assistant.scorer.asked(analyse("Hoe groot wordt de krapte voor machinemonteurs?"))
    assert asked.subgroups
    asked = assistant.scorer.asked(
        analyse("How large will shortages be in technical jobs such as mechanics?")
    )
    assert asked.subgroups == []


def test_the_year_before_is_the_year_before_the_one_named(assistant) -> None:
    """'In 2023 ... 12.500, versus 11.440 in het jaar ervoor': 11.440 answers for 2022."""
    text = (
        "In 2023 zijn er in totaal 12.500 technische leerlingen op het vmbo, "
        "versus 11.440 in het jaar ervoor."
    )
    (cand,) = scored(assistant, "Hoeveel technische leerlingen telde het vmbo in 2022?", text)
    assert cand.figures == ["11.440"] and not cand.conflicts
    (cand,) = scored(assistant, "Hoeveel technische leerlingen telde het vmbo in 2023?", text)
    assert cand.figures == ["12.500"]
    (cand,) = scored(assistant, "Hoeveel technische leerlingen telde het vmbo in 2021?", text)
    assert "time" in cand.conflicts


def test_career_changers_by_any_of_their_names() -> None:
    """'she is changing careers' asks about career switchers, as 'zij-instromers' does; the
    surveyed group and the scope read the same names."""
    for question in (
        "One of my clients is changing careers; how long does the hbo route take?",
        "Hoe lang duurt het traject voor een carrièreswitcher?",
    ):
        assert asked_scopes(question)["people"] == {"zij-instromers"}
    assert share_of("What share of people switching careers feel positive?") == "zij-instromers"
    assert share_of("Welk deel van de carrièreswitchers wil omscholen?") == "zij-instromers"


def test_a_month_is_not_the_whole_year_and_a_plan_is_no_figure_of_the_past(assistant) -> None:
    """'in november 2023 al 167.000' does not answer 'over the whole of 2023'; 'verhoogt de
    komende 10 jaar tot 5% van het bbp' (a report of 2026) does not answer for 2024, unless the
    question asks what is to come."""
    pumps = (
        "In 2022 zijn er 110.000 warmtepompen geïnstalleerd en in november 2023 waren dat er "
        "al 167.000."
    )
    (cand,) = scored(assistant, "How many heat pumps were installed over the whole of 2023?", pumps)
    assert "time" in cand.conflicts
    (cand,) = scored(assistant, "Hoeveel warmtepompen waren er in 2023 geïnstalleerd?", pumps)
    assert "time" not in cand.conflicts and cand.figures == ["167.000"]
    plan = "Nederland verhoogt het defensiebudget de komende 10 jaar tot 5% van het bbp."
    past = "Welk percentage van het bbp gaf Nederland in 2024 uit aan defensie?"
    (cand,) = scored(assistant, past, plan, date="2026-02")
    assert "time" in cand.conflicts
    (cand,) = scored(assistant, past.replace("2024", "2027"), plan, date="2026-02")
    assert "time" not in cand.conflicts  # a year still to come when the report was written
    coming = "Het lag in 2024 op 2%. Hoeveel procent wordt het de komende 10 jaar?"
    (cand,) = scored(assistant, coming, plan, date="2026-02")
    assert "time" not in cand.conflicts


def test_how_many_of_a_surveyed_group_think_something_is_answered_by_a_share(assistant) -> None:
    """'Hoeveel technici zijn te porren voor een baan buiten de techniek?' is answered by
    '15 procent te porren'; how many technicians there are, took part or are needed is not."""
    text = "Voor een baan buiten de techniek is maar 15 procent van de technici te porren."
    question = "Hoeveel technici zijn te porren voor een baan buiten de techniek?"
    (cand,) = scored(assistant, question, text)
    assert cand.type_ok and cand.figures == ["15 procent"]
    them = "Technicians and jobs: how many of them would consider a job outside engineering?"
    (cand,) = scored(assistant, them, text)
    assert cand.type_ok
    of_the = "Hoeveel van de technici zouden een baan buiten de techniek overwegen?"
    (cand,) = scored(assistant, of_the, text)
    assert cand.type_ok
    for question in (
        "Hoeveel technici zijn er in Nederland?",
        "Hoeveel technici hebben meegedaan aan het onderzoek?",
        "How many extra technicians does the Netherlands need by 2030?",
    ):
        (cand,) = scored(assistant, question, text)
        assert not cand.type_ok, question


def test_a_required_name_may_be_written_as_its_synonym(assistant) -> None:
    """ "KvK" asked, "de Kamer van Koophandel" told; "Mton" asked, "megaton" told."""
    info = analyse("Hoeveel loodgietersbedrijven staan ingeschreven bij de KvK?")
    assert any(set(tokenize("koophandel")) <= n for n in assistant.scorer.required_names(info))
    answer = assistant.ask("Hoeveel loodgietersbedrijven staan ingeschreven bij de KvK?")
    assert not answer.abstained and "10.000" in answer.answer
    # "Mt" is short for the "Mton" of the chart
    answer = assistant.ask("What emissions goal for 2030, in Mt, does the Klimaatnota chart give?")
    assert "103 Mton" in answer.answer


def test_a_word_of_the_question_may_be_written_as_its_synonym(assistant) -> None:
    """ "onmisbaar" asked, "kennisgebieden die cruciaal zijn" told."""
    answer = assistant.ask(
        "Welke vakgebieden zijn volgens betrokken partijen in de koploperregio's onmisbaar om"
        " klimaatmaatregelen te realiseren?"
    )
    assert "Procestechniek" in answer.answer


def test_universities_of_applied_sciences_are_hogescholen(assistant) -> None:
    """Not universities (wo, another level): "7 hogescholen" answers it."""
    answer = assistant.ask("How many universities of applied sciences run Be an Engineer?")
    assert not answer.abstained and "7 hogescholen" in answer.answer


def test_a_share_asked_for_now_is_not_one_of_years_before_the_report(assistant) -> None:
    """'Welk deel ervaart momenteel ...' in a report of 2026: not 'Halverwege 2022 ... 40%'."""
    question = "Welk deel van de werkgevers in de industrie ervaart momenteel een personeelstekort?"
    text = (
        "Halverwege 2022 gaf 40% van de werkgevers in de industrie aan dat een personeelstekort"
        " het bedrijf belemmerde. Inmiddels ondervinden minder industriële werkgevers problemen"
        " door personeelstekorten (26%)."
    )
    cands = scored(assistant, question, text, date="2026-02")
    assert all("time" in c.conflicts for c in cands if "2022" in c.text and "26%" not in c.text)
    assert any("26%" in c.text and not c.conflicts for c in cands)
    undated = scored(assistant, question, text)  # no date: no report year to compare with
    assert not any("time" in c.conflicts for c in undated)


def test_the_north_sea_may_be_the_sea(assistant) -> None:
    """'op zee ten noorden van de Waddeneilanden': the reports name no other sea."""
    question = "Wanneer moet de eerste grote waterstoffabriek op de Noordzee in bedrijf gaan?"
    text = (
        "De eerste grote groene waterstoffabriek op zee in Nederland is gepland ten noorden"
        " van de Waddeneilanden. Het windpark moet rond 2031 operationeel zijn."
    )
    cands = scored(assistant, question, text)
    assert cands and not any(c.missing for c in cands)


def test_the_dutch_are_the_people_of_the_netherlands(assistant) -> None:
    """'Nederlanders met werk': 'In Nederland ... van de werkzame bevolking'."""
    question = "Hoeveel procent van de Nederlanders met werk oefent een technisch beroep uit?"
    text = "In Nederland heeft 19 procent van de werkzame bevolking een technisch beroep."
    cands = scored(assistant, question, text)
    assert cands and not any(c.missing for c in cands)


def test_a_name_the_reports_do_not_know_is_required_by_its_parts(assistant) -> None:
    # "het Noordzeeplatform" is "een platform in de Noordzee" in the report
    info = analyse("Hoe ver uit de kust ligt het Noordzeeplatform van Porthos?")
    names = assistant.scorer.asked(info).names
    assert set(tokenize("noordzee")) in names and set(tokenize("platform")) in names
    assert set(tokenize("porthos")) in names
    answer = assistant.ask(
        "Op welke afstand van de kust ligt ongeveer het Noordzeeplatform vanwaar Porthos CO2 "
        "in lege gasvelden pompt?"
    )
    assert "20 km" in answer.answer


def test_how_much_something_grows_is_answered_by_a_percentage(assistant) -> None:
    text = "De Nederlandse economie trekt aan, met een gemiddelde groei van 1,4 procent."
    for question in (
        "Hoeveel groeit de Nederlandse economie gemiddeld?",
        "How much has the Dutch economy gone up on average?",
    ):
        (cand,) = scored(assistant, question, text)
        assert cand.type_ok and cand.figures == ["1,4 procent"], question


def test_a_pair_whose_figure_sentence_has_none_of_the_question_loses(assistant) -> None:
    """'..., zowel kwantitatief als kwalitatief. De gevolgen zijn groot: 52 procent ervaart
    stress.' matches by its first sentence only; the sentence that says 32 procent answers."""
    text = (
        "Technische bedrijven kampen al jaren met een personeelstekort, zowel kwantitatief als "
        "kwalitatief. De gevolgen zijn groot: 52 procent ervaart drukte en stress op de "
        "werkvloer.\n\nDe meeste bedrijven (32 procent) echter ervaren zowel een kwantitatief "
        "als kwalitatief tekort."
    )
    question = (
        "Hoeveel procent van de techbedrijven kampt met een tekort dat zowel kwantitatief als "
        "kwalitatief is?"
    )
    assert best_candidate(assistant, question, text).startswith("De meeste bedrijven")


def test_numbers_the_question_gives_in_digits_match_numbers_in_words(assistant) -> None:
    """'3-6 maanden' in the question is 'drie tot zes maanden' in the report: the sentence
    scores higher for it than for '4-7 maanden'."""
    text = "De meeste bedrijven (30 procent) doen gemiddeld drie tot zes maanden over een vacature."
    question = "Welk deel van de bedrijven doet gemiddeld {} maanden over een vacature?"
    (same,) = scored(assistant, question.format("3-6"), text)
    (other,) = scored(assistant, question.format("4-7"), text)
    assert same.score > other.score


def test_a_name_written_out_is_the_short_name_the_reports_use() -> None:
    # "Europese Unie" is one name, the reports' EU; the English name of a Dutch region is it
    info = analyse("Welke regeling moet vakmensen van buiten de Europese Unie binnenhalen?")
    assert info.names == (tuple(tokenize("EU")),)
    info = analyse("Why is fuel from CO₂ a logical application in the North Sea Canal area?")
    assert tuple(tokenize("Noordzeekanaalgebied")) in info.names
    assert asked_scopes(info.text)["place"] == {"amsterdam"}
    info = analyse("Naar welk percentage van het bruto binnenlands product gaan de uitgaven?")
    assert any(set(tokenize("bbp")) <= set(g) for g in info.groups)


def test_an_english_plural_counts_what_its_singular_translates_to() -> None:
    assert counted_unit("How many themes do they want to focus on?", "en")[0] == "thema"


def test_how_much_something_improved_and_the_final_year_asked() -> None:
    assert question_kind("What is the final year those scenarios cover?") == "date"
    assert question_kind("Wat is het laatste jaar van de scenario's?") == "date"
    text = "De uitkomsten zijn overtuigend: productiviteitsverbeteringen tot 30%."
    assert figures_of(text, "percentage") == ["30%"]
    for question in ("How much did it improve their productivity?", "Hoeveel verbeterde het?"):
        assert CHANGE.search(question), question


def test_building_something_is_not_the_construction_sector() -> None:
    assert "sector" not in asked_scopes(
        "Hoeveel jaar hebben we om een energiesysteem op te bouwen?"
    )
    assert asked_scopes("Hoeveel vacatures had de bouw eind 2025?")["sector"] == {"bouw"}


def test_how_many_for_each_one_asks_a_ratio_that_times_answers(assistant) -> None:
    question = "Hoeveel vacatures stonden er eind Q3 2025 tegenover elke persoon in de WW?"
    assert {"vacatur", *tokenize("keer")} <= set(counted_unit(question, "nl"))
    # what is counted still counts: "op elke 65-plusser waren er drie mensen"
    people = "Hoeveel mensen van 20 tot 65 jaar stonden er in 2023 tegenover elke 65-plusser?"
    assert set(tokenize("mensen")) <= set(counted_unit(people, "nl"))
    answer = assistant.ask(question)
    assert not answer.abstained and "3,5 keer" in answer.answer


def test_a_question_without_a_question_word_is_read_in_its_language() -> None:
    assert detect_language("Tata Steel IJmuiden: total CO2 emissions for 2022?") == "en"
    assert detect_language("Did more or fewer career switchers consider retraining?") == "en"
    assert detect_language("Tata Steel IJmuiden: totale CO2-uitstoot in 2022?") == "nl"
    assert detect_language("Lassers tekort 2024, meer of minder dan vorig jaar?") == "nl"


def test_a_table_cell_whose_row_hardly_matches_the_question_is_no_answer(assistant) -> None:
    # the best-scoring candidate was the cell "< 1 maand (2024): 3%" of another table: its
    # column is the asked year, but nothing in its row or caption is about the question
    answer = assistant.ask("TechBarometer 2024: aantal technici dat de enquête heeft ingevuld?")
    assert "maand" not in answer.answer
    # a cell whose row is what is asked still answers
    answer = assistant.ask(
        "Hoeveel procent van de bedrijven had in 2023 last van technici die voor zichzelf beginnen?"
    )
    assert not answer.abstained and "25%" in answer.answer


def test_a_total_asked_by_what_is_a_quantity() -> None:
    assert question_kind("What was total employment in Flemish manufacturing?") == "number"
    assert question_kind("Wat was de totale werkgelegenheid in de Vlaamse industrie?") == "number"


def test_two_english_words_count_one_dutch_compound() -> None:
    """'How many charge points': laadpunten (laad + punt), not the cars in the same sentence."""
    unit = counted_unit("By 2030, how many charge points are needed?", "en")
    assert counts_head(unit, ["miljoen", "laadpunt", "nood"])
    assert not counts_head(unit, ["miljoen", "elektrisch", "auto"])


def test_a_period_from_now_answers_over_what_period_but_not_which_year(assistant) -> None:
    text = "Daarbij zien zij dit tekort de komende twee à drie jaar eerder stijgen dan dalen."
    assert figures_of(text, "date") == ["de komende twee à drie jaar"]
    # nor "when did it come to light": a past point in time
    when = "When did it come to light that firms expect the shortage to grow?"
    (cand,) = scored(assistant, when, text)
    assert not cand.type_ok
    (cand,) = scored(
        assistant, "Op welke termijn verwachten bedrijven dat het tekort stijgt?", text
    )
    assert cand.type_ok
    answer = assistant.ask(
        "Most tech firms lack both enough staff and staff with the right skills. Over what "
        "period do they expect this shortage to grow rather than shrink?"
    )
    assert not answer.abstained and "twee à drie jaar" in answer.answer
    answer = assistant.ask("In which year does Tata Steel intend to start producing green steel?")
    assert not answer.abstained and "2030" in answer.answer


def test_until_which_year_is_answered_by_the_end_of_a_period(assistant) -> None:
    answer = assistant.ask("Tot welk jaar rekent men op een voorzichtig herstel van de productie?")
    assert not answer.abstained and "tot 2027" in answer.answer
    assert UNTIL.search(answer.citations[0].quote)


def test_a_sentence_that_shares_no_word_with_the_question_is_no_answer(assistant) -> None:
    """The 2023 TechBarometer's count of technicians is not in the reports; a sentence about
    vacancies in 2023 that only its paragraph links to technicians does not answer it."""
    answer = assistant.ask(
        "For comparison with this year's figures: how many technicians took part in the 2023 "
        "TechBarometer, the edition before the current one?"
    )
    assert answer.abstained, answer.answer


def test_a_close_runner_up_that_counts_the_asked_unit_beats_one_that_counts_another(
    assistant,
) -> None:
    """'How much did a permit go for' asks a price: not '1 ton CO₂' of the sentence that
    best matches the question's words, but the euros of the one after it."""
    answer = assistant.ask(
        "Under the EU emissions trading scheme, how much did a permit to emit one tonne of CO₂ "
        "go for in 2017?"
    )
    assert not answer.abstained and "5 euro" in answer.answer


def test_the_reports_own_title_is_no_answer(assistant) -> None:
    """The title line names the source a question asks about ("de position paper"), it does
    not answer which organisations wrote it; a running header neither."""
    title = "Position paper technieksectoren: commissiedebat Arbeidsmarktkrapte 21 mei 2025"
    line = "Position Paper Technieksectoren ter voorbereiding van het Commissiedebat op 21 mei 2025"
    assert is_title(line, title)
    assert is_title("TECHBAROMETER 2024", "TechBarometer 2024")
    assert not is_title("FME, Bouwend Nederland en BOVAG onderschrijven de urgentie.", title)
    answer = assistant.ask("Welke brancheorganisaties hebben de position paper opgesteld?")
    assert answer.abstained or "Commissiedebat" not in answer.answer
    # a date question may still read the date in the title
    answer = assistant.ask("On what date was the committee debate on Arbeidsmarktkrapte?")
    assert not answer.abstained and "21 mei 2025" in answer.answer
    # nor does a running header that matches the question keep the answer below it away
    answer = assistant.ask(
        "Door welk marktonderzoeksbureau liet ROVC de internetenquêtes van de TechBarometer 2024"
        " uitvoeren?"
    )
    assert "Markteffect" in answer.answer


def test_a_question_word_keeps_its_apostrophe_ending() -> None:
    """'WW'ers afkomstig uit ...' has the term WW, not WW and 'er'."""
    groups = analyse("WW'ers afkomstig uit de industrie: welk percentage is 55-plus?").groups
    assert ("ww",) in groups and not any("er" in g for g in groups)


def test_a_number_glued_to_an_abbreviated_unit_is_a_figure() -> None:
    text = "Per succesvol afgesloten module ontvangt de kandidaat een hbo-certificaat (5EC)."
    assert figures_of(text, "number") == ["5"]
    assert figures_of("Ze werken met 3D-printers en 2e-graads docenten.", "number") == []


def test_a_caption_under_a_table_that_opens_the_passage() -> None:
    from assistant.answer import caption_below

    text = (
        "Chemie, olie en energie € 4.729\n\nElektrotechniek € 3.407\n\nEngineering € 3.622\n\n"
        "Gemiddeld bruto maandsalaris per technische branche\n\nBron: Nationale Beroepengids"
    )
    row_end = text.index("3.407") + len("3.407")
    assert caption_below(text, row_end) == "Gemiddeld bruto maandsalaris per technische branche"
    # not when the table has a caption above it, nor a legend, nor under a dateline
    assert caption_below("Salarissen per branche\n\n" + text, row_end + 24) == ""
    legend = "Bouw 26% Bouw 43%\n\nBedrijven Technici\n\nDe warmtepomp is te duur"
    assert caption_below(legend, legend.index("43%") + 3) == ""
    dated = "Ede, maart 2024\n\nTechBarometer.nl en de stichting van de branche"
    assert caption_below(dated, len("Ede, maart 2024")) == ""


def test_a_table_row_naming_the_asked_branch_beats_an_average_that_names_none(
    assistant,
) -> None:
    # the best sentence gives the average of all technicians (€ 3.111); the row of the asked
    # branch stands in a table whose caption is printed under its rows
    for question in (
        "Gemiddeld bruto maandloon van een technicus in de elektrotechniek?",
        "Electrical engineering technicians: what's their average gross monthly pay?",
    ):
        answer = assistant.ask(question)
        assert not answer.abstained and "3.407" in answer.answer, question
    # a sentence that names the branch but not what is asked is still no answer
    answer = assistant.ask(
        "What share of technical companies in the ICT sector expect their profits to go up in 2024?"
    )
    assert answer.abstained


def test_rows_the_question_matches_equally_are_no_answer(assistant) -> None:
    # "Vergrijzing personeel 36%", "Werven nieuw personeel 26%" and "Behouden huidig personeel
    # 26%" all match "personeel" alone: the sentence that tells the asked share answers
    answer = assistant.ask(
        "Hoeveel procent van de technische vakmensen denkt dat de energietransitie niet te"
        " realiseren is omdat er te weinig technisch personeel is?"
    )
    assert "36%" not in answer.answer and "26%" not in answer.answer
    assert not answer.abstained and "54 procent" in answer.answer
    # a row that names the asked branch is singled out among rows that tie with it
    answer = assistant.ask(
        "Wat verdient een technicus in de engineeringbranche gemiddeld bruto per maand, op basis"
        " van de Nationale Beroepengids?"
    )
    assert not answer.abstained and "3.622" in answer.answer


def test_a_sentence_that_goes_on_about_a_plan_is_no_figure_of_the_past(assistant) -> None:
    from assistant.answer import CONTINUES, sentence_before

    text = "Nederland verhoogt het budget de komende 10 jaar tot 5% van het bbp. Daarvan mag 3,5%."
    assert sentence_before(text, text.index("Daarvan")).startswith("Nederland verhoogt")
    assert CONTINUES.match("Daarvan mag 3,5% ...") and not CONTINUES.match("Daarna steeg het")
    # "Daarvan mag 3,5% direct worden besteed aan defensie" is the plan of the sentence before
    for question in (
        "defensie-uitgaven NL in 2024 als % van het bbp?",
        "How much did the Netherlands spend on defence in 2024, as a percentage of GDP?",
    ):
        assert assistant.ask(question).abstained, question
    # the plan itself is still the answer to what is planned
    answer = assistant.ask("Tot hoeveel procent van het bbp verhoogt Nederland het defensiebudget?")
    assert not answer.abstained and "5%" in answer.answer


def test_a_passage_that_names_no_year_tells_the_time_of_its_report(assistant) -> None:
    # the factsheets of 2023 and 2025 give the share of 60-plussers without a year: their
    # reports' own time (December 2022, December 2024), not the end of 2021
    answer = assistant.ask(
        "Voor een analyse van de vergrijzing in de industrie: hoeveel procent van het personeel"
        " in die sector was eind 2021 zestig jaar of ouder?"
    )
    assert answer.abstained
    # the year before the report's is still its time (the 2025 factsheet tells December 2024)
    answer = assistant.ask("Hoeveel procent van de werknemers in de industrie was in 2024 60-plus?")
    assert not answer.abstained and "14%" in answer.answer


def test_what_a_sentence_says_holds_now_is_no_figure_of_years_ago(assistant) -> None:
    from assistant.answer import NOW

    assert NOW.search("Inmiddels ondervinden meer industriële werkgevers problemen")
    # "Inmiddels ... onvoldoende vraag (30%)" is the 2025 factsheet's time, not mid-2022
    question = (
        "Welk percentage van de industriële werkgevers had halverwege 2022 last van onvoldoende"
        " vraag naar hun producten?"
    )
    assert "30%" not in assistant.ask(question).answer
    # asked without a year, it answers
    answer = assistant.ask(
        "Hoeveel procent van de industriële werkgevers ondervindt inmiddels problemen door"
        " onvoldoende vraag?"
    )
    assert not answer.abstained and "30%" in answer.answer


def test_a_row_whose_value_wrapped_to_the_next_line_is_one_row(assistant) -> None:
    """'Organisatieadviseurs, business consultants en kwaliteitsmanagers' with its 550 on the
    line under it is one row; a chart's label with a column of values under it is not."""
    from assistant.answer import split_candidates
    from assistant.models import Chunk, Passage

    text = (
        "Top 5 beroepen meeste WW-uitkeringen uit sector industrie, oktober 2025\n\n"
        "Productiemedewerkers 1.800\n\n"
        "Organisatieadviseurs, business consultants en kwaliteitsmanagers\n\n550\n\n"
        "Mechanisch operators procesindustrie 500\n\n"
        "Wat motiveert jou om een cursus te volgen?\n69%\n34%\n22%\n\nBron: UWV"
    )
    chunk = Chunk("x", "x.txt", text, "R", None, "", None, 1, 12)
    rows = [c.text for c in split_candidates(Passage(chunk, 1.0), 0) if not c.pair]
    assert "Organisatieadviseurs, business consultants en kwaliteitsmanagers 550" in rows
    assert not any("69%" in r and "cursus" in r for r in rows)
    answer = assistant.ask(
        "Hoeveel mensen met een WW-uitkering uit de industrie waren in oktober 2025"
        " organisatieadviseur, business consultant of kwaliteitsmanager?"
    )
    assert not answer.abstained and "550" in answer.answer
    assert "550" in answer.citations[0].quote  # the quote is found in the cited lines
    assert answer.citations[0].line_start <= 139 and answer.citations[0].line_end >= 142


def test_the_second_figure_of_a_comparison_is_about_the_asked_group(assistant) -> None:
    """Vacancies and WW'ers of the fitters: not the 1.000 vacancies of the engineers, a row of
    another occupation in the same table, even when it scores above the fitters' other row."""
    text = (
        "Wat werkgevers industrie vragen, 3e kwartaal 2025 Aantal\n\n"
        "Aanbod mensen WW, max 6 maanden uit industrie en uitzend, oktober 2025\n\nAantal\n\n"
        "Monteurs industriële machines en installaties 1.800 Productiemedewerkers 3.200\n\n"
        "Adviseurs, engineers en onderzoekers werktuigbouw en machines\n\n1.000\n\n"
        "Productiemedewerkers 900 Monteurs industriële machines en installaties 300\n\nBron UWV"
    )
    question = (
        "Hoeveel vacatures waren er in het derde kwartaal van 2025 voor monteurs industriële"
        " machines en installaties, en hoeveel WW'ers met dat beroep stonden daar in oktober"
        " 2025 tegenover?"
    )
    assert analyse(question).compare
    cands = {c.text: c for c in scored(assistant, question, text)}
    best = cands["Monteurs industriële machines en installaties 300"]
    engineers = cands["Adviseurs, engineers en onderzoekers werktuigbouw en machines 1.000"]
    fitters = cands["Monteurs industriële machines en installaties 1.800"]
    assert engineers.conflicts == {"group"} and not fitters.conflicts
    assert assistant._other_figure(best, [best, engineers, fitters]) is fitters
    # however many rows of other occupations score between them
    assert assistant._other_figure(best, [best, *[engineers] * 12, fitters]) is fitters


def test_two_figures_asked_in_one_question_are_both_answered(assistant) -> None:
    assert analyse("Hoeveel vacatures waren er, en hoeveel WW'ers stonden daar tegenover?").compare
    assert analyse("How many vacancies were there, and how many people were on WW?").compare
    answer = assistant.ask(
        "Hoeveel vacatures voor monteurs industriële machines en installaties waren er in het"
        " derde kwartaal van 2025, en hoeveel WW'ers met dat beroep in oktober 2025?"
    )
    assert "1.800" in answer.answer and "300" in answer.answer
    assert len(answer.citations) == 2


def test_a_cut_in_the_budget_is_a_cut_given_the_worries(assistant) -> None:
    """'gezien hun zorgen' is 'given their worries', no seeing ('Het liefst zien zij ...');
    'snijden in het onderwijsbudget' is a cut ('de onderwijsbezuinigingen')."""
    question = (
        "Om wat verzoeken de techniekbranches de minister, gezien hun zorgen over het snijden in"
        " het onderwijsbudget?"
    )
    assert ("zien",) not in analyse(question).groups
    answer = assistant.ask(question)
    assert "analyse" in answer.answer and "onderwijsbezuinigingen" in answer.answer


def test_not_to_be_realised_is_unfeasible(assistant) -> None:
    """'niet te realiseren' is what the report calls 'onhaalbaar'."""
    answer = assistant.ask(
        "Welk aandeel van de technici denkt dat de energietransitie niet te realiseren is omdat"
        " er te weinig technisch personeel is?"
    )
    assert answer.highlight == ["54 procent"] and "onhaalbaar" in answer.answer


def test_a_target_agreed_at_first_is_the_one_set_initially(assistant) -> None:
    """'oorspronkelijk afgesproken', 'later verscherpt': 'Waar het doel aanvankelijk 49%
    was, is deze doelstelling aangescherpt tot 55%' in the paragraph on the agreements."""
    answer = assistant.ask(
        "Het klimaatdoel voor 2030 is later verscherpt. Hoeveel procent minder"
        " broeikasgasuitstoot dan in 1990 was in het Klimaatakkoord oorspronkelijk afgesproken?"
    )
    assert answer.highlight == ["49%"]


def test_a_shortage_in_numbers_is_the_quantitative_mismatch(assistant) -> None:
    """'gewoonweg' stresses, it is no 'gewoon' and 'weg'; 'cijfermatig' is 'kwantitatief'."""
    question = (
        "Vlaamse industrie: waarom zijn er gewoonweg te weinig sollicitanten voor de openstaande"
        " vacatures? Wat veroorzaakt dat cijfermatige tekort aan arbeidskrachten?"
    )
    assert not any("weg" in group for group in assistant.scorer.asked(analyse(question)).terms)
    answer = assistant.ask(question)
    assert "vergrijzing" in answer.answer and "werkloosheid" in answer.answer


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # "... 27 procent ... in 2030 ... Deze doelen werken toe naar ...: in 2050 volledig
        # klimaatneutraal": the year of the sentence that says what is asked (geheel = volledig)
        ("Klimaatnota: uiterlijk in welk jaar moet Nederland geheel klimaatneutraal zijn?", "2050"),
        # "Bijna driekwart (72 procent) is tevreden ... De meeste technici (58 procent) hebben
        # het afgelopen jaar een cursus gevolgd"
        (
            "Technicians and training: how many of them actually took a course in the past year?",
            "58 procent",
        ),
        # "In Zeeland en ... gelijk aan het landelijk gemiddelde van 13%. In de andere
        # koploperregio's is het aandeel ... hoger: 14% in ...": the sentence naming Zeeland
        (
            "Welk aandeel van de werknemers in de industrie in de koploperregio Zeeland was in"
            " december 2022 60 jaar of ouder?",
            "13%",
        ),
        # "hoger: 14% in Noord-Nederland en 17% in Zuid-Limburg", asked which is the largest
        (
            "In welke koploperregio is het percentage 60-plussers onder de werknemers in de"
            " industrie het grootst, en wat is dat percentage?",
            "17%",
        ),
    ],
)
def test_the_figure_shown_is_in_the_sentence_that_answers(assistant, question, figure) -> None:
    assert assistant.ask(question).highlight == [figure]


def test_the_same_company_for_two_decades_is_searched_as_the_report_writes_it(assistant) -> None:
    """'for the same company for more than two decades': the passage says 'voor dezelfde
    werkgever: 24 procent zelfs meer dan twintig jaar', which the English words do not find."""
    answer = assistant.ask(
        "Roughly what percentage of technicians have worked for the same company for more than"
        " two decades?"
    )
    assert answer.highlight == ["24 procent"]


def test_what_they_are_calling_for_is_what_they_roepen_op_to_do(assistant) -> None:
    """'What ... are they calling for?': 'Wij roepen op om een internationale
    vakkrachtenregeling of oranje kaart in te stellen'; the noun ('their call for an
    industrial strategy') stays an 'oproep'."""
    answer = assistant.ask(
        "Many skilled tradespeople fall outside the highly skilled migrant scheme. What new"
        " route for recruiting technical workers from outside the EU are the sectors calling for?"
    )
    assert "oranje kaart" in answer.answer
    assert "call" in analyse("When did they put out their call for a strategy?").text


def test_lifelong_learning_is_what_the_reports_call_leven_lang_ontwikkelen(assistant) -> None:
    """'levenslang leren ... werkelijk ... ingericht': 'leven lang ontwikkelen', '(LLO-)',
    'nu echt te organiseren'."""
    answer = assistant.ask(
        "Met welke twee instrumenten kan levenslang leren volgens het position paper op dit"
        " moment werkelijk als gezamenlijke verantwoordelijkheid van overheid en bedrijfsleven"
        " worden ingericht?"
    )
    assert "LLO-katalysator" in answer.answer and "beleidsregel" in answer.answer


def test_a_sentence_that_gives_a_cause_is_of_the_time_before_it(assistant) -> None:
    """'Voor de periode tot 2027 wordt verwacht ... Dit komt met name door groei van ...': the
    growth is that of the years to come, not of October 2025."""
    question = "Which branches grew their production most in October 2025?"
    text = (
        "In oktober 2025 groeide vooral de productie in rubber en kunststof. Voor de periode"
        " tot 2027 wordt verwacht dat de productie zich herstelt. Dit komt met name door groei"
        " van de productie in de metaal- en elektrotechnische sector."
    )
    cands = scored(assistant, question, text)
    cause = next(c for c in cands if c.text.startswith("Dit komt"))
    assert "time" in cause.conflicts


def test_a_priority_is_what_is_done_first(assistant) -> None:
    """'als dringende prioriteit': 'Dit betekent snel en prioritair inzetten op zeven thema's'."""
    answer = assistant.ask(
        "Vlaanderen: hoeveel thema's schuiven de sociale partners naar voren als dringende"
        " prioriteit om de industrie te steunen?"
    )
    assert answer.highlight == ["zeven"]


def test_councils_and_units_are_written_as_the_reports_write_them() -> None:
    """'de Sociaal-Economische Raad' is the SER (not the Flemish SERV); 'kilometres' are the
    reports' km ('ongeveer 20 km vanuit de kust')."""
    from assistant.answer import as_reports_write

    assert as_reports_write("Welk advies van de Sociaal-Economische Raad?") == (
        "Welk advies van de SER?"
    )
    flemish = "Wat vraagt de Sociaal-Economische Raad van Vlaanderen?"
    assert as_reports_write(flemish) == flemish
    assert "km" in counted_unit("About how many kilometres from shore is that platform?", "en")


def test_blocks_of_a_course_are_its_periods(assistant) -> None:
    """'hoeveel blokken van tien weken': 'Na 4 periodes van 10 weken' counts no other thing."""
    answer = assistant.ask(
        "Het modulaire hbo-traject van Saxion voor zij-instromers: over hoeveel blokken van tien"
        " weken zijn de modules verdeeld?"
    )
    assert answer.highlight == ["4"] and "periodes" in answer.answer


def test_a_development_asked_around_a_preposition_gives_both_years(assistant) -> None:
    """'binnen het personeelsbestand' is no topic the answer must share ('bin' weighed as
    much as 'percentage')."""
    answer = assistant.ask(
        "Ik hoor dat de industrie steeds minder met uitzendkrachten werkt. Hoe heeft het"
        " percentage uitzendkrachten binnen het industriële personeelsbestand zich ontwikkeld"
        " van 2016 tot 2025?"
    )
    assert "12%" in answer.answer and "6%" in answer.answer


def test_the_day_asked_is_no_topic(assistant) -> None:
    """'op welke dag': the day is the answer, no word the answering sentence shares."""
    question = (
        "Netbeheer Nederland-data over de beschikbare transportcapaciteit op het stroomnet: op"
        " welke dag zijn die opgevraagd?"
    )
    assert ("dag",) not in analyse(question).groups
    assert "06-02-2024" in assistant.ask(question).answer


def test_which_company_is_answered_by_a_name(assistant) -> None:
    """'which company was behind the material': the sentence that names the companies, not
    the one that only names the brand asked about."""

    def names_asked(question: str) -> bool:
        return assistant.scorer.asked(analyse(question)).asks_names

    assert names_asked("Welk bedrijf heeft het materiaal ontwikkeld?")
    assert names_asked("Which firm developed it?")
    assert not names_asked("Welk percentage van de bedrijven ziet dit als oplossing?")
    answer = assistant.ask(
        "Bugaboo's biobased stroller range - which company was actually behind the new material?"
    )
    assert "DSM Engineering Materials" in answer.answer


def test_a_table_of_another_month_does_not_answer_for_the_asked_one(assistant) -> None:
    """'Top 5 beroepen meeste WW-uitkeringen uit sector industrie, oktober 2025': its row
    'Productiemedewerkers 1.800' answers for October, not for December."""
    assert months_named("in December 2025, niet in oktober") == {10, 12}
    assert months_named("May 2024") == {5} and months_named("it may rise") == set()
    december = assistant.ask(
        "Productiemedewerkers onder de WW-ontvangers uit de industriesector: om hoeveel personen"
        " ging het in december 2025?"
    )
    assert december.abstained, december.answer
    october = assistant.ask(
        "Hoeveel WW'ers uit de industrie stonden in oktober 2025 ingeschreven als"
        " productiemedewerker?"
    )
    assert october.highlight == ["1.800"], october.answer


def test_last_year_is_the_year_before_the_reports() -> None:
    told = "Dat is minder dan vorig jaar (61 procent) en het jaar daarvoor (65 procent)."
    assert with_previous_year(told, 2024) == (
        "Dat is minder dan in 2023 (61 procent) en in 2022 (65 procent)."
    )
    assert with_previous_year(told) == told  # a report without a date
    # a comparison of this year's figure with last year's names no figure of last year
    compared = "De vraag naar loodgieters is ten opzichte van vorig jaar opvallend gestegen."
    assert with_previous_year(compared, 2024) == compared


def test_last_years_figure_answers_for_that_year(assistant) -> None:
    """'vorig jaar (61 procent) en het jaar daarvoor (65 procent)' in the TechBarometer 2024:
    65 procent is the figure of 2022, read with the sentence it goes on from."""
    for question in (
        "In 2022: hoeveel procent van de techbedrijven vond dat de eigen organisatie bij het"
        " aannemen van mensen zwaarder moest wegen op motivatie dan op kwalificaties?",
        "What share of tech firms in 2022 reckoned they should be looking at applicants'"
        " motivation rather than their paper qualifications when recruiting?",
    ):
        answer = assistant.ask(question)
        assert not answer.abstained
        assert [h.replace("%", " procent") for h in answer.highlight] == ["65 procent"]


def test_a_table_cell_of_the_number_the_question_names_is_no_figure(assistant) -> None:
    """'Under 25': the 2022 column's 25% is the question's own number, not an answer (a
    sentence's figures leave such numbers out already)."""
    text = (
        "Hoe lang duurt het vervullen van een vacature?\n\n2024 2023 2022\n\n"
        "1 tot 3 maanden 17% 27% 25%\n\n3 tot 6 maanden 30% 33% 36%"
    )
    cands = {c.text: c for c in scored(assistant, "What share was under 25 in 2022?", text)}
    assert cands["1 tot 3 maanden 17% 27% 25%"].cell is not None
    assert cands["1 tot 3 maanden 17% 27% 25%"].figures == []
    assert cands["3 tot 6 maanden 30% 33% 36%"].figures == ["36%"]


def test_a_counted_compound_may_be_written_as_two_words(assistant) -> None:
    """'Hoeveel bachelorstudenten': the report writes 'bachelor studenten'."""
    from assistant.answer import counts, joined_stems, stem_set

    assert counts(("bachelorstudent",), joined_stems("het aantal bachelor studenten in het wo"))
    assert not counts(("bachelorstudent",), joined_stems("het aantal studenten in het wo"))
    # apart, not side by side: no compound ("werknemers ... in de industrie")
    text = "Van de werknemers is 17% zestig of ouder, in de industrie"
    assert not counts(("industriewerknemer",), stem_set(text) | joined_stems(text))
    answer = assistant.ask(
        "Hoeveel bachelorstudenten aan de universiteit volgden in 2022 een opleiding in chemie,"
        " metaal, werktuigbouw, elektro of mechatronica?"
    )
    assert not answer.abstained and "6.900" in answer.answer


def test_two_years_compared_are_read_from_both_columns_of_a_table_row(assistant) -> None:
    """'Hoger of lager in 2017 dan in 2016?': the row's values in both years' columns, the
    earlier first, quoted from the header line of the years to the row."""
    assert analyse("Lag het in 2015 hoger dan in 2014, en hoe hoog was het in 2015?").years == (
        "2015",
        "2014",
    )
    assert analyse("Did the share go up or down from 2014 to 2015?").compare
    assert analyse("Is het aandeel van 2014 tot 2022 gestegen of gedaald?").compare
    answer = assistant.ask(
        "Was het aandeel kritieke knelpuntvacatures in de Vlaamse industrie in 2017 hoger of"
        " lager dan in 2016?"
    )
    assert not answer.abstained
    assert answer.answer == "Kritieke knelpuntvacatures (%): 14,7% in 2016, 16,3% in 2017"
    (citation,) = answer.citations
    assert citation.quote.startswith("Industriële beroepen en ambachten 2014 2015")
    assert citation.quote.endswith("28,2")
    answer = assistant.ask(
        "Did the share of critical bottleneck vacancies in Flemish industrial occupations rise or"
        " fall from 2019 to 2020?"
    )
    assert "21,8% in 2019" in answer.answer and "22,0% in 2020" in answer.answer


def test_a_range_or_ratio_in_words_is_a_number_of_the_question(assistant) -> None:
    """'between three and six months' is the report's 'drie tot zes maanden' (30 procent),
    not the sentence beside it with 'één tot drie maanden' (17 procent); 'one in five' is
    'Eén op de vijf bedrijven' (zes tot twaalf maanden). A count of what is asked is not
    ('welke twee maatregelen')."""
    spans = [m.group() for m in SPELLED_SPAN.finditer("tussen drie en zes, one in five, twee")]
    assert spans == ["tussen drie en zes", "one in five"]
    answer = assistant.ask(
        "What share of technical firms in 2024 took between three and six months to fill a vacancy?"
    )
    assert "30 procent" in answer.answer
    answer = assistant.ask(
        "One in five technical firms needs very long to fill a vacancy. How many months?"
    )
    assert "twaalf maanden" in answer.answer


def test_a_footnote_mark_glued_to_a_figure_is_no_part_of_it(assistant) -> None:
    """ "waren dat er al 167.000.6 Er zijn": footnote 6 after the figure; not a section number
    ("1.1 Nederland in energietransitie")."""
    assert figures_of("waren dat er al 167.000.6 Er zijn", "number") == ["167.000"]
    assert figures_of("waren dat er al 167.000.6", "number") == ["167.000"]
    assert figures_of("een bedrag van 1.250.000", "number") == ["1.250.000"]
    answer = assistant.ask("Hoeveel warmtepompen waren er in november 2023 geïnstalleerd?")
    assert answer.highlight[:1] == ["167.000"]


def test_a_share_in_words_is_shown_by_its_digits_beside_it(assistant) -> None:
    """ "Bijna driekwart (72 procent) is tevreden": the highlight is the exact 72 procent."""
    assert in_digits("driekwart", "Bijna driekwart (72 procent) is tevreden") == "72 procent"
    assert in_digits("de helft", "de helft van de bedrijven (58 procent)") == "58 procent"
    assert in_digits("drie", "drie jaar (2021) later") == "drie"  # no share beside it
    assert in_digits("28.000", "28.000 (vacatures)") == "28.000"
    answer = assistant.ask(
        "Welk deel van de technische bedrijven verwacht dat hun opleidingsbudget in 2024"
        " omhooggaat?"
    )
    assert answer.highlight[:1] == ["28 procent"]


def test_a_level_raised_to_asks_a_figure_and_none_is_told(assistant) -> None:
    """The reports say a higher salary threshold would hurt, not to what level it goes."""
    answer = assistant.ask(
        "To what level does the Dutch cabinet intend to raise the minimum salary threshold for"
        " highly skilled migrants?"
    )
    assert answer.abstained


def test_study_credits_earned_are_counted_not_paid(assistant) -> None:
    """'how many credits ... earn' counts credits ('een hbo-certificaat (5EC)'), not euros;
    'studiepunten' are the EC of the text."""
    assert counted_unit("How many credits does a participant earn per module?") != ("euro",)
    assert counted_unit("How much does a starting technician earn?") == ("euro",)
    for question in (
        "On the Saxion retraining programme, how many credits (EC) does a participant earn for"
        " each module they pass?",
        "Saxion-traject: hoeveel studiepunten krijg je per gehaalde module?",
    ):
        assert "5EC" in assistant.ask(question).answer, question


def test_a_sentence_that_says_so_of_the_one_before_is_of_its_time(assistant) -> None:
    """'... is inmiddels het grootste knelpunt. 30% van de industriële werkgevers geeft dit
    aan.': the 30% is of now, not of January 2019."""
    then = assistant.ask(
        "Welk percentage van de industriële werkgevers ondervond in januari 2019 hinder van"
        " personeelstekorten in de bedrijfsvoering?"
    )
    assert then.abstained
    now = assistant.ask(
        "Welk percentage van de industriële werkgevers noemt onvoldoende vraag naar producten"
        " het grootste knelpunt?"
    )
    assert "30%" in now.answer


def test_the_reports_word_for_district_heating_and_the_state(assistant) -> None:
    """'stadsverwarming' is the report's 'warmtenet', and 'het Rijk' its 'de overheid':
    the 2,6 miljoen homes of 2050 are asked, not missing."""
    answer = assistant.ask(
        "Hoeveel woningen moeten er volgens de ambitie van het Rijk in 2050 op stadsverwarming"
        " zijn aangesloten?"
    )
    assert "2,6 miljoen" in answer.answer


def test_an_access_date_is_when_the_source_was_consulted(assistant) -> None:
    """'What access date is given for ...' asks a date (not an entity): the day the figures
    were 'geraadpleegd'."""
    question = (
        "What access date is given for the Netbeheer Nederland figures on spare capacity in the"
        " electricity grid?"
    )
    assert analyse(question).kind == "date"
    assert "06-02-2024" in assistant.ask(question).answer
