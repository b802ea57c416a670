"""Quoted passages stay inside their paragraph (eighteenth session): a stray quote mark must not pair with the
next paragraph's and turn every later quote of the article inside out; a quote printed over several paragraphs
(each opening with a quote mark, only the last one closed) is spoken by whoever speaks its last part. Every text
was written for these tests (none is copied from the sample, eval/, train/ or the gold files in ../shared/data)."""
import pytest

from eventscope.attributes import find_quotes
from eventscope.schema import Article


def _work(pipeline, text: str):
    return pipeline.process([Article(article_id="t", text=text, published="2024-03-06")])[0]


def _event(work, trigger: str):
    return next(e for e in work.events if e.trigger.text == trigger)


STRAY = ('Witnesses said the man shouted "traitors at the crowd before he was led away.\n\n'
         'Rebels attacked a checkpoint near Kunduz on Sunday, killing four soldiers.\n\n'
         '"The attack was cowardly and we condemn it," Governor Ali Rahimi said.')


def test_a_stray_quote_mark_does_not_pair_with_the_next_paragraph(pipeline):
    work = _work(pipeline, STRAY)
    attacked = _event(work, "attacked")
    assert attacked.quote is None  # narrative, not anybody's words
    assert [q.quote.speaker for q in work.quotes] == ["Governor Ali Rahimi"]
    condemn = _event(work, "condemn")
    assert condemn.quote is not None and condemn.quote.speaker == "Governor Ali Rahimi"
    assert all(q.start >= STRAY.index("\n\n\"") for q in work.quotes)  # nothing from the first two paragraphs


CONTINUED = ('The minister spoke in Kabul on Monday.\n\n'
             '"We will not accept this, and we will fight the Taliban in every district\n\n'
             '"Our forces are ready to defend the country," Defence Minister Ahmad Khan said.')


def test_a_quote_over_two_paragraphs_is_spoken_by_its_last_parts_speaker(pipeline):
    work = _work(pipeline, CONTINUED)
    assert [q.quote.speaker for q in work.quotes] == ["Defence Minister Ahmad Khan"] * 2
    first = work.quotes[0]
    assert CONTINUED[first.start] == '"' and first.quote.text.endswith("every district")
    fight = _event(work, "fight")
    assert fight.quote is not None and fight.quote.speaker == "Defence Minister Ahmad Khan"


def test_curly_quotes_over_three_paragraphs(pipeline):
    text = ("“The border is closed to every convoy from the north\n\n"
            "“and it will stay closed until the talks in Doha are over\n\n"
            "“whatever Kabul says,” Governor Zabihullah Noorani told reporters in Mazar-i-Sharif.")
    work = _work(pipeline, text)
    assert len(work.quotes) == 3
    assert {q.quote.speaker for q in work.quotes} == {work.quotes[-1].quote.speaker}
    assert work.quotes[-1].quote.speaker and "Noorani" in work.quotes[-1].quote.speaker


def test_an_unclosed_quote_with_no_continuation_is_no_passage(pipeline):
    text = ('He called the plan "a betrayal of the families who lost their homes in the floods.\n\n'
            'The council will vote on the plan on Friday.')
    work = _work(pipeline, text)
    assert find_quotes(work, set()) == []


def test_a_quote_over_a_line_break_not_reopened_runs_to_its_closing_mark(pipeline):
    text = ('"The militia burned every house in our village.\n\n'
            'Nobody has come to help us," a farmer from Djugu told reporters.')
    work = _work(pipeline, text)
    assert len(work.quotes) == 1 and work.quotes[0].quote.text.endswith("help us,")
    assert work.quotes[0].quote.speaker and "farmer" in work.quotes[0].quote.speaker
    assert _event(work, "burned").quote is not None


def test_according_to_names_the_speaker_after_a_quote(pipeline):
    work = _work(pipeline, '"Gunmen burned the market and killed nine traders," according to a police spokesman in Jos.')
    assert work.quotes and work.quotes[0].quote.speaker and "spokesman" in work.quotes[0].quote.speaker


def test_a_speaker_is_not_looked_for_sentences_after_the_quote(pipeline):
    work = _work(pipeline, 'The junta leader said the army "will crush every armed group that attacks our villages." '
                           'Later, the cabinet met in Niamey. The talks were closed to the press, according to state television.')
    assert work.quotes and work.quotes[0].quote.speaker != "state television"


def test_a_short_scare_quote_uses_up_its_marks(pipeline):
    work = _work(pipeline, 'The general called the opposition "traitors" and said the army would "deal with them as the '
                           'law demands" in Kinshasa.')
    assert [q.quote.text for q in work.quotes] == ["deal with them as the law demands"]


def test_a_second_quote_after_the_attribution_is_the_same_speakers(pipeline):
    work = _work(pipeline, '"We will stay in this square until the minister resigns," activist Grace Njeri told '
                           'reporters. "Nobody came to help us when the police beat us."')
    assert [q.quote.speaker for q in work.quotes] == ["Grace Njeri", "Grace Njeri"]


def test_a_speaker_is_the_head_and_its_modifiers_not_its_clauses(pipeline):
    work = _work(pipeline, 'The talks "will bring together every armed group and the government," said the text of '
                           'the draft, which the army is expected to oppose.')
    assert work.quotes and work.quotes[0].quote.speaker == "text"


@pytest.mark.parametrize("text", [
    # words someone else shouted, chanted or wrote inside the reporter's sentence (second review of the session)
    'Officials said the gunmen, who shouted "death to the traitors of the nation" as they fired, were killed by police.',
    'Police said the crowd chanted "down with the military council" before attacking the governor\'s office in Kassala.',
    'Officials said the kidnappers left a note reading "this is revenge for our brothers in prison" at the scene.',
])
def test_a_quote_inside_someone_elses_words_is_not_the_reporters(pipeline, text):
    work = _work(pipeline, text)
    assert work.quotes and work.quotes[0].quote.speaker not in ("Officials", "Police"), work.quotes[0]


def test_an_embedded_quote_gives_no_speaker_as_source_but_we_does(pipeline):
    work = _work(pipeline, 'Police said the suspects had "confessed to planning the attack on the embassy" in Kampala. '
                           'The prime minister said before leaving for Moscow "we agreed to hold consultations on trade".')
    planning = _event(work, "planning")
    assert planning.source is None or planning.source.sector != "COP", planning.source
    assert _event(work, "agreed").source is not None


def test_according_to_before_the_quote_and_adding(pipeline):
    work = _work(pipeline, 'According to the police chief in Kano, "the gunmen burned twelve houses in the village." '
                           'The governor vowed to find them, adding: "The killers will be brought to justice soon."')
    assert [q.quote.speaker for q in work.quotes] == ["police chief", "governor"]
