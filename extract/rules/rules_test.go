package rules

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/extract/source"
	"github.com/stancegraph/stancegraph/schema"
)

var shared = sync.OnceValues(func() (*Extractor, error) {
	lx, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	return New(lx, extract.Config{})
})

func extractText(t *testing.T, text string) []schema.Statement {
	t.Helper()
	x, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), &extract.Document{ID: "t.txt", Date: "2022-01-27", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return r.Statements
}

// want is an expected statement: subject, class, and a piece of the object.
type want struct {
	subject, class, object, speaker string
}

func (w want) matches(s schema.Statement) bool {
	return s.Subject == w.subject && string(s.Class) == w.class &&
		strings.Contains(strings.ToLower(s.Object), strings.ToLower(w.object)) &&
		(w.speaker == "" || s.Speaker == w.speaker)
}

func dump(ss []schema.Statement) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "\n  %s %s %q (speaker %q, %s)", s.Subject, s.Class, s.Object, s.Speaker, s.Predicate)
	}
	return b.String()
}

func TestStatements(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []want
		not  []want
	}{
		{"demand and rejection of it", "Russia demands NATO's non-expansion. The United States rejected the Russian demand.",
			[]want{{"Russia", "DEMAND", "NATO's non-expansion", ""}, {"United States", "OPPOSE", "NATO's non-expansion", ""}}, nil},
		{"X called Y ADJ with title and name", "Chinese Foreign Minister Wang Yi called Russia's security concerns reasonable.",
			[]want{{"China", "SUPPORT", "Russia's security concerns", "Wang Yi"}}, nil},
		{"X described Y as ADJ", "Beijing described the new sanctions as illegal.",
			[]want{{"China", "OPPOSE", "new sanctions", ""}}, nil},
		{"reported copula", "Kremlin spokesman Dmitry Peskov said the proposal was unacceptable.",
			[]want{{"Russia", "OPPOSE", "proposal", "Dmitry Peskov"}}, nil},
		{"reported copula negated", "Foreign Minister Sergei Lavrov said the American response was not positive.",
			[]want{{"Russia", "OPPOSE", "American response", "Sergei Lavrov"}}, nil},
		{"inverted attribution", "The sanctions are illegal, said Iran's foreign minister.",
			[]want{{"Iran", "OPPOSE", "sanctions", ""}}, nil},
		{"according to", "According to the White House, Washington supports Taiwan's self-defense.",
			[]want{{"United States", "SUPPORT", "Taiwan's self-defense", ""}}, nil},
		{"metonym", "Tehran dismissed the IAEA report.",
			[]want{{"Iran", "OPPOSE", "IAEA report", ""}}, nil},
		{"not yet is no stance taken", "Nicaragua has not yet endorsed the proposal. Honduras has not endorsed the plan yet.",
			nil, []want{{"Nicaragua", "OPPOSE", "proposal", ""}, {"Honduras", "OPPOSE", "plan", ""}}},
		{"negation", "Israel did not accept the ceasefire proposal.",
			[]want{{"Israel", "OPPOSE", "ceasefire proposal", ""}}, []want{{"Israel", "SUPPORT", "ceasefire", ""}}},
		{"passive with agent", "The plan was rejected by Hamas.",
			[]want{{"Hamas", "OPPOSE", "plan", ""}}, nil},
		{"deny", "Russia denied plans to invade Ukraine.",
			[]want{{"Russia", "DENY", "invade Ukraine", ""}}, nil},
		{"pronoun keeps the speaker's affiliation", "Ukrainian Foreign Minister Dmytro Kuleba arrived in Copenhagen. He welcomed the new aid package.",
			[]want{{"Ukraine", "SUPPORT", "new aid package", "Dmytro Kuleba"}}, nil},
		{"surname later in the document", "US Secretary of State Antony Blinken spoke on Monday. Blinken rejected the Chinese proposal.",
			[]want{{"United States", "OPPOSE", "Chinese proposal", "Antony Blinken"}}, nil},
		{"coordinated subjects", "Washington and its European allies oppose the pipeline.",
			[]want{{"United States", "OPPOSE", "pipeline", ""}, {"European allies", "OPPOSE", "pipeline", ""}}, nil},
		{"the alliance", "NATO leaders gathered on Monday. The alliance rejected the demand for guarantees.",
			[]want{{"NATO", "OPPOSE", "guarantees", ""}}, nil},
		{"quotation across sentences", "“We reject the plan. The talks are useful,” Iranian Foreign Minister Abbas Araghchi said.",
			[]want{{"Iran", "OPPOSE", "plan", ""}, {"Iran", "SUPPORT", "talks", ""}}, nil},
		{"nominal stance with owner", "Moscow's demand for security guarantees was rejected by Washington.",
			[]want{{"Russia", "DEMAND", "security guarantees", ""}}, nil},
		{"title words and a ministry before the name", "Iranian Deputy Foreign Ministry official Ali Karimi said the proposal was unacceptable.",
			[]want{{"Iran", "OPPOSE", "proposal", "Ali Karimi"}}, nil},
		{"demonym, noun and title", "The Israeli army spokesman rejected the report.",
			[]want{{"Israel", "OPPOSE", "report", ""}}, nil},
		{"title after the name", "Denis Pushilin, head of the Donetsk People's Republic, welcomed the statements.",
			[]want{{"Donetsk People's Republic", "SUPPORT", "statements", "Denis Pushilin"}}, nil},
		{"participle after coordinated subjects, object and infinitive", "Egypt and Qatar proposed a truce plan, calling on Israel and Hamas to release the hostages.",
			[]want{{"Qatar", "PROPOSE", "truce plan", ""}, {"Qatar", "DEMAND", "release the hostages", ""}, {"Egypt", "DEMAND", "release the hostages", ""}}, nil},
		{"particle after the object", "Beijing has repeatedly warned Washington against arms sales to Taipei.",
			[]want{{"China", "OPPOSE", "arms sales", ""}, {"China", "THREATEN", "United States", ""}}, nil},
		{"commitment verbs", "Israel vowed to continue the offensive.",
			[]want{{"Israel", "SUPPORT", "continue the offensive", ""}}, nil},
		{"reciprocal talks between coordinated subjects", "Washington and Seoul held talks on the missile program.",
			[]want{{"South Korea", "CONSULT", "United States", ""}}, nil},
		{"no actor, no statement", "Analysts said the weather was good.", nil,
			[]want{{"", "SUPPORT", "weather", ""}}},
		// Interactions.
		{"deliver", "NATO sent its written response to Moscow.",
			[]want{{"NATO", "DELIVER", "Russia", ""}}, nil},
		{"receive", "The United States has received Russia's written reply.",
			[]want{{"Russia", "DELIVER", "United States", ""}}, nil},
		{"accuse", "Washington accused Beijing of intimidating Taiwan.",
			[]want{{"United States", "ACCUSE", "China", ""}, {"United States", "ASSERT", "China intimidating Taiwan", ""}}, nil},
		{"aid", "Canada will supply Ukraine with more weapons.",
			[]want{{"Canada", "AID", "Ukraine", ""}}, nil},
		{"meeting with counterpart", "Kuleba met his Danish counterpart Jeppe Kofod in Copenhagen.",
			[]want{{"Ukraine", "CONSULT", "Denmark", ""}}, nil},
		{"talks between, mediation", "Talks between Israel and Hamas resumed with Egyptian mediation.",
			[]want{{"Israel", "CONSULT", "Hamas", ""}, {"Egypt", "MEDIATE", "Israel", ""}, {"Egypt", "MEDIATE", "Hamas", ""}}, nil},
		{"coordinated positions", "Beijing opposes the sale of fighter jets to Taiwan and the transit of American warships through the strait.",
			[]want{{"China", "OPPOSE", "sale of fighter jets", ""}, {"China", "OPPOSE", "transit of american warships", ""}}, nil},
		{"actors joined are one position", "Qatar supports talks between Israel and Hamas.",
			[]want{{"Qatar", "SUPPORT", "talks between Israel and Hamas", ""}}, nil},
		{"second that-clause keeps its head", "Tehran demanded guarantees that Washington would lift the sanctions and that it would not quit the deal again.",
			[]want{{"Iran", "DEMAND", "guarantees that Washington would lift", ""}, {"Iran", "DEMAND", "guarantees that United States would not quit", ""}}, nil},
		{"negation scopes over the conjuncts of a neutral noun", "Moscow raised the issue of NATO's non-expansion and the deployment of missiles in Poland.",
			[]want{{"Russia", "DEMAND", "non-expansion", ""}, {"Russia", "OPPOSE", "deployment of missiles", ""}}, nil},
		{"its after an object of a preposition", "Russia rejects the deployment of NATO forces near its borders.",
			[]want{{"Russia", "OPPOSE", "near russia's borders", ""}}, nil},
		{"its after the object of accuse", "Israel accused Iran of arming its proxies in Lebanon.",
			[]want{{"Israel", "ACCUSE", "Iran", ""}}, []want{{"", "ASSERT", "israel's proxies", ""}}},
		{"he in reported speech is the speaker", "Erdogan met Putin in Sochi. Erdogan stressed that he would never recognise the annexation of Crimea.",
			[]want{{"Turkey", "OPPOSE", "annexation of crimea", ""}}, []want{{"Russia", "OPPOSE", "", ""}}},
		{"participle shares the speaker", "Russian diplomat Alexei Zaitsev said that Russia does not intend to attack Ukraine, indicating that Western forces are escalating the crisis.",
			[]want{{"Russia", "ACCUSE", "the West", ""}}, []want{{"Ukraine", "ASSERT", "", ""}, {"Ukraine", "ACCUSE", "", ""}}},
		{"adverb before a participle", "Blinken expressed hope that Moscow stays at the table, once again asserting the US belief in diplomacy.",
			[]want{{"United States", "ASSERT", "belief in diplomacy", ""}}, []want{{"Russia", "ASSERT", "belief", ""}}},
		{"but added shares the speaker", "Peskov told reporters that Putin had read the responses from the US and NATO, but added that Moscow would not rush to conclusions.",
			[]want{{"Russia", "ASSERT", "rush to conclusions", ""}}, []want{{"NATO", "ASSERT", "", ""}, {"United States", "ASSERT", "", ""}}},
		{"warned of the risks of", "The State Department warned on Monday of the grave risks of a Chinese blockade of Taiwan.",
			[]want{{"United States", "OPPOSE", "chinese blockade of taiwan", ""}}, nil},
		{"risks that X could pose", "The EU foreign ministers stressed the economic risks that a cut in Russian gas supplies could pose.",
			[]want{{"European Union", "OPPOSE", "cut in russian gas supplies", ""}}, nil},
		{"a risk posed is not a warning", "Hezbollah poses a risk of war to northern Israel.",
			nil, []want{{"Hezbollah", "OPPOSE", "", ""}}},
		{"these allegations point back to what was alleged", "Washington accuses Beijing of arming Moscow. China dismissed these allegations.",
			[]want{{"United States", "ASSERT", "china arming", ""}, {"China", "OPPOSE", "china arming", ""}}, []want{{"China", "SUPPORT", "", ""}}},
		{"a clause after despite has its own subject", "Israel accused Hamas of planning new attacks despite Qatar rejecting these allegations.",
			[]want{{"Qatar", "OPPOSE", "hamas planning", ""}}, []want{{"Hamas", "ASSERT", "", ""}}},
		{"a claimed that-clause is the position", "Beijing claims that the drills are aimed at deterring Taiwanese independence.",
			[]want{{"China", "ASSERT", "drills are aimed at deterring taiwanese independence", ""}}, nil},
		{"a demanded that-clause keeps its negation", "Moscow demands that the alliance does not expand eastward.",
			[]want{{"Russia", "DEMAND", "alliance does not expand eastward", ""}}, nil},
		{"a stance under if is no stance", "We will leave it to Tehran if they want to resume the talks.",
			nil, []want{{"Iran", "SUPPORT", "", ""}, {"Iran", "DEMAND", "", ""}}},
		{"ignoring is the speaker's complaint", "The Russian foreign minister said that Washington keeps ignoring the principle of indivisible security.",
			[]want{{"Russia", "SUPPORT", "principle of indivisible security", ""}}, []want{{"United States", "OPPOSE", "", ""}}},
		{"an actor judged is no position", "Peskov said that Russia does not pose a threat to anyone.",
			nil, []want{{"Russia", "SUPPORT", "russia", ""}}},
		{"should in reported speech is a demand", "Taiwanese Foreign Minister Joseph Wu said Beijing, not Taipei, should lower tensions in the strait.",
			[]want{{"Taiwan", "DEMAND", "beijing lower tensions", ""}}, []want{{"Taiwan", "DEMAND", "not", ""}}},
		{"must not in reported speech opposes", "The Chinese envoy said that Washington must not sell weapons to Taiwan.",
			[]want{{"China", "OPPOSE", "washington sell weapons", ""}}, nil},
		{"an actor after the verb begins the speech", "Egyptian Foreign Minister Sameh Shoukry mentioned Israel, not Egypt, should open the crossing.",
			[]want{{"Egypt", "DEMAND", "israel open the crossing", ""}}, nil},
		{"they in an official's words is the official's side", "Iranian Foreign Minister Hossein Amirabdollahian told reporters that they consider the new sanctions illegal.",
			[]want{{"Iran", "OPPOSE", "new sanctions", ""}}, nil},
		{"hope that X will stop Y opposes Y", "The Qatari foreign ministry expressed hope that Israel will stop bombing Gaza.",
			[]want{{"Qatar", "OPPOSE", "israel bombing gaza", ""}}, nil},
		{"including extends the target", "Washington backs core principles, including Taiwan's right to self-defense.",
			[]want{{"United States", "SUPPORT", "core principles", ""}, {"United States", "SUPPORT", "taiwan's right to self-defense", ""}}, nil},
		{"not a threat is a denial", "The Belarusian Ministry of Defense said that the joint drills are defensive and do not represent a threat.",
			[]want{{"Belarus", "DENY", "joint drills as threat", ""}}, []want{{"Belarus", "SUPPORT", "", ""}}},
		{"the two sides are the last two named", "Wang Yi spoke with Antony Blinken. Talks between the two sides will resume in March.",
			[]want{{"China", "CONSULT", "United States", ""}}, nil},
		{"receiving an envoy is a meeting", "Iranian Foreign Minister Hossein Amirabdollahian received the Omani envoy at his request.",
			[]want{{"Iran", "CONSULT", "Oman", ""}}, []want{{"", "DELIVER", "", ""}}},
		{"coordinated with its allies and a partner", "Washington coordinated closely with its European allies and Kyiv.",
			[]want{{"United States", "CONSULT", "European allies", ""}, {"United States", "CONSULT", "Ukraine", ""}}, nil},
		{"a name and its short form are one mention", "The United States and the North Atlantic Treaty Organization (NATO) delivered their responses to Russia.",
			[]want{{"United States", "DELIVER", "Russia", ""}, {"NATO", "DELIVER", "Russia", ""}}, nil},
		{"an actor said to escalate is accused", "The Chinese foreign ministry said that Washington is escalating tensions in the strait.",
			[]want{{"China", "ACCUSE", "United States", ""}}, nil},
		{"warned that X would is against X", "The Israeli defence ministry warned that any attempt to rebuild the tunnels would be met with force.",
			[]want{{"Israel", "OPPOSE", "attempt to rebuild the tunnels", ""}}, nil},
		{"a second verb shares the subject of warned", "Beijing did not rule out talks and warned that arms sales to Taipei would harm relations.",
			[]want{{"China", "OPPOSE", "arms sales to taipei", ""}}, nil},
		{"a means rejected", "Tehran said that security in the Gulf cannot be achieved by foreign fleets.",
			[]want{{"Iran", "OPPOSE", "foreign fleets", ""}}, nil},
		{"the only means", "The EU said the gas dispute can only be settled through negotiations.",
			[]want{{"European Union", "SUPPORT", "negotiations", ""}}, nil},
		{"it is best that A and that B", "Beijing believes that it is best for regional peace that Washington stops arming Taiwan and that the fleet leaves the strait.",
			[]want{{"China", "SUPPORT", "washington stops arming taiwan", ""}, {"China", "SUPPORT", "fleet leaves the strait", ""}}, nil},
		{"understanding concerns", "The State Department said Washington understands that Israel has security concerns.",
			[]want{{"United States", "SUPPORT", "israel has security concerns", ""}}, nil},
		{"a particle after a noun-phrase object", "Tehran put a new proposal on the table.",
			[]want{{"Iran", "PROPOSE", "new proposal", ""}}, []want{{"Iran", "PROPOSE", "table", ""}}},
		{"a draft agreement released", "In December the Russian foreign ministry released a draft agreement on security guarantees.",
			[]want{{"Russia", "PROPOSE", "security guarantees", ""}}, nil},
		{"a response submitted is handed over, not proposed", "Washington submitted its written response to Moscow.",
			[]want{{"United States", "DELIVER", "Russia", ""}}, []want{{"United States", "PROPOSE", "", ""}}},
		{"refusing to offer a reply opposes nothing", "Tehran refused to offer a reply to the European letter.",
			nil, []want{{"Iran", "OPPOSE", "", ""}}},
		{"echoed considerations assert nothing", "The Saudi foreign ministry echoed the same considerations on Monday.",
			nil, []want{{"Saudi Arabia", "ASSERT", "", ""}}},
		{"committed to upholding, including X", "Washington is committed to upholding, including Taiwan's security.",
			[]want{{"United States", "SUPPORT", "taiwan's security", ""}}, []want{{"United States", "SUPPORT", "upholding", ""}}},
		{"there are principles", "The State Department made clear that there are core principles that the US will defend.",
			[]want{{"United States", "ASSERT", "core principles", ""}}, []want{{"United States", "ASSERT", "there", ""}}},
		{"requests related to", "Tehran made a series of requests related to lifting the oil sanctions.",
			[]want{{"Iran", "OPPOSE", "oil sanctions", ""}}, nil}, // lifting reverses the demand
		{"stopping X from Y would help", "The Egyptian foreign minister said that stopping settlers from seizing land would help the talks.",
			[]want{{"Egypt", "OPPOSE", "settlers seizing land", ""}}, []want{{"Egypt", "SUPPORT", "settlers", ""}}},
		{"committed to uphold, including A, and B", "Tokyo said that it is committed to uphold and defend, including freedom of navigation, and the right of states to choose their partners.",
			[]want{{"Japan", "SUPPORT", "freedom of navigation", ""}, {"Japan", "SUPPORT", "right of states to choose", ""}}, []want{{"Japan", "SUPPORT", "and the", ""}}},
		{"a place joined is no position", "Moscow demands a reduction of NATO forces in Poland and the countries of the Baltic.",
			[]want{{"Russia", "DEMAND", "reduction of nato forces in poland", ""}}, []want{{"Russia", "DEMAND", "countries of the baltic", ""}}},
		{"a relative clause ends the target", "The Foreign Office said Britain backs the principles that we share with Ukraine.",
			[]want{{"United Kingdom", "SUPPORT", "principles", ""}}, []want{{"United Kingdom", "SUPPORT", "principles that", ""}}},
		{"a time phrase between subject and verb; calling it", "Iran's foreign ministry on Sunday rejected a resolution by the IAEA Board of Governors, calling it political.",
			[]want{{"Iran", "OPPOSE", "resolution by the IAEA", ""}}, []want{{"IAEA", "OPPOSE", "", ""}}},
		{"a verb phrase after 'and has not' shares the subject", "Israel, which opposes the deal, has said it will not allow Iran to acquire nuclear weapons and has not ruled out military action.",
			[]want{{"Israel", "OPPOSE", "deal", ""}, {"Israel", "ASSERT", "military action", ""}, {"Israel", "OPPOSE", "acquire nuclear weapons", ""}}, []want{{"Iran", "ASSERT", "", ""}}},
		{"should be resolved through", "China said the nuclear issue should be resolved through dialogue.",
			[]want{{"China", "SUPPORT", "dialogue", ""}}, nil},
		{"a meeting in the verb's phrase is its subject's", "Tsai Ing-wen returned from a meeting with US House Speaker Kevin McCarthy in California.",
			[]want{{"Taiwan", "CONSULT", "United States", ""}}, nil},
		{"coordinated subjects of a light verb", "Japan and the Philippines expressed concern over the drills.",
			[]want{{"Japan", "OPPOSE", "drills", ""}, {"Philippines", "OPPOSE", "drills", ""}}, nil},
		{"allow X to Y keeps X; his is the nearer person's", "Kuleba said: \"We will not allow Putin to achieve his goals.\"",
			[]want{{"Ukraine", "OPPOSE", "putin to achieve", ""}}, []want{{"Ukraine", "OPPOSE", "ukraine's goals", ""}}},
		{"a relative pronoun's verb is no actor's", "Lavrov said there is a reaction that allows us to count on a serious conversation.",
			nil, []want{{"Russia", "SUPPORT", "us to count", ""}}},
		{"rejecting calls for X opposes X", "Netanyahu rejected calls for a ceasefire.",
			[]want{{"Israel", "OPPOSE", "ceasefire", ""}}, []want{{"Israel", "OPPOSE", "calls for", ""}}},
		{"talks between two, whatever the tag", "Qatar said on Monday that talks on a hostage deal between Israel and Hamas had reached their final stage.",
			[]want{{"Israel", "CONSULT", "Hamas", ""}}, nil},
		{"should stop X opposes X; the clause ends at the next verb phrase", "Beijing's foreign ministry spokesman said the United States should stop arming Taiwan and warned that collusion with separatists would lead to a dead end.",
			[]want{{"China", "OPPOSE", "united states arming taiwan", ""}, {"China", "OPPOSE", "collusion with separatists", ""}}, []want{{"China", "DEMAND", "warned", ""}}},
		{"insisted that X must is a demand, no assertion", "The Kremlin insisted that any settlement must recognise the new territorial realities.",
			[]want{{"Russia", "DEMAND", "settlement recognise the new territorial realities", ""}}, []want{{"Russia", "ASSERT", "", ""}}},
		{"he after an earlier clause's person is still the speaker", "Erdogan said he had invited President Putin to Ankara, indicating that he would never recognise the annexation of Crimea.",
			[]want{{"Turkey", "OPPOSE", "annexation of crimea", ""}}, []want{{"Russia", "OPPOSE", "annexation", ""}}},
		{"threaten", "Iran threatened Israel with retaliation.",
			[]want{{"Iran", "THREATEN", "Israel", ""}}, nil},
		{"sanctions on Y, rejected, are no threat of the subject's", "Hungary rejected any sanctions on Russian gas.",
			[]want{{"Hungary", "OPPOSE", "sanctions on russian gas", ""}}, []want{{"Hungary", "THREATEN", "", ""}}},
		{"sanctions on Y, imposed, are", "The European Union imposed new sanctions on Russia.",
			[]want{{"European Union", "THREATEN", "Russia", ""}}, nil},
		{"an attribution after a list of recipients is no recipient", "Germany will not block Poland from sending tanks to Ukraine, Chancellor Olaf Scholz said.",
			[]want{{"Poland", "AID", "Ukraine", ""}}, []want{{"Poland", "AID", "germany", ""}}},
		{"saying X was ADJ judges X", "India abstained on the resolution, saying dialogue and diplomacy were the only way forward.",
			[]want{{"India", "SUPPORT", "dialogue and diplomacy", ""}}, []want{{"India", "SUPPORT", "saying", ""}}},
		{"a name with a particle", "Brazilian President Luiz Inacio Lula da Silva proposed a ceasefire.",
			[]want{{"Brazil", "PROPOSE", "ceasefire", "Luiz Inacio Lula da Silva"}}, nil},
		{"a person after a possessive is the owner's", "Russia's Foreign Minister Sergei Lavrov met Turkey's Mevlut Cavusoglu in Antalya.",
			[]want{{"Russia", "CONSULT", "Turkey", ""}}, nil},
		{"a thing after a possessive is no party", "Blinken met Russia's proposal with scepticism.",
			nil, []want{{"United States", "CONSULT", "", ""}}},
		{"a list of subjects", "France, Germany, and Britain urged Iran to return to the talks.",
			[]want{{"France", "DEMAND", "return to the talks", ""}, {"Germany", "DEMAND", "return to the talks", ""}, {"United Kingdom", "DEMAND", "return to the talks", ""}}, nil},
		{"a list of subjects with articles", "The US, the UK and France vetoed the draft.",
			[]want{{"United States", "OPPOSE", "draft", ""}, {"United Kingdom", "OPPOSE", "draft", ""}, {"France", "OPPOSE", "draft", ""}}, nil},
		{"a list of agents", "The resolution was backed by Russia, China and India.",
			[]want{{"Russia", "SUPPORT", "resolution", ""}, {"China", "SUPPORT", "resolution", ""}, {"India", "SUPPORT", "resolution", ""}}, nil},
		{"an attribution after the agent is no agent", "The talks were welcomed by Russia, Blinken said.",
			[]want{{"Russia", "SUPPORT", "talks", ""}}, []want{{"United States", "SUPPORT", "talks", ""}}},
		{"blame the X", "Russia and China blamed the United States for the collapse of the talks.",
			[]want{{"Russia", "ACCUSE", "United States", ""}, {"China", "ACCUSE", "United States", ""}}, nil},
		{"groups and state organs of other disputes", "OPEC+ defended its decision to cut oil output. The IDF rejected the report. The E3 urged Iran to return to the talks.",
			[]want{{"OPEC+", "SUPPORT", "cut oil output", ""}, {"Israel", "OPPOSE", "report", ""}, {"E3", "DEMAND", "return to the talks", ""}}, nil},
		{"a verb the tagger took for a plural noun after an actor", "The UAE hailed the deal. Iran's foreign minister said Tehran supports dialogue with its neighbours.",
			[]want{{"Iran", "SUPPORT", "dialogue with iran's neighbours", ""}}, []want{{"Iran", "CONSULT", "", ""}}},
		{"an infinitive copula is the governing verb's", "We will not allow Gaza to become a threat again, Israeli Defence Minister Yoav Gallant said.",
			[]want{{"Israel", "OPPOSE", "gaza to become a threat", ""}}, []want{{"Israel", "DENY", "", ""}}},
		{"every member of the United Nations", "Paraguay reaffirmed its support for Taiwan. Nauru, Tuvalu and the Marshall Islands backed the resolution.",
			[]want{{"Paraguay", "SUPPORT", "taiwan", ""}, {"Nauru", "SUPPORT", "resolution", ""}, {"Marshall Islands", "SUPPORT", "resolution", ""}}, nil},
		{"its after a name no lexicon knows is that name's", "Nauru cut ties with China. Shell reaffirmed its support for Taiwan.",
			nil, []want{{"China", "SUPPORT", "", ""}}},
		{"a reflexive pronoun stands for no position", "Japan expressed concern over the drills. The State Department said the sale supports Taiwan's ability to defend itself.",
			[]want{{"Japan", "OPPOSE", "drills", ""}}, []want{{"United States", "SUPPORT", "drills", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := extractText(t, tc.text)
			for _, w := range tc.want {
				found := false
				for _, s := range got {
					found = found || w.matches(s)
				}
				if !found {
					t.Errorf("missing %+v in:%s", w, dump(got))
				}
			}
			for _, w := range tc.not {
				for _, s := range got {
					if (w.subject == "" || s.Subject == w.subject) && string(s.Class) == w.class && strings.Contains(strings.ToLower(s.Object), w.object) {
						t.Errorf("unwanted %s %s %q", s.Subject, s.Class, s.Object)
					}
				}
			}
		})
	}
}

// TestStatementContract checks what every statement of the sample corpus
// holds: valid fields, a cue inside its sentence, the sentence at its offsets.
func TestStatementContract(t *testing.T) {
	x, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	text := "date 2022-01-27\nRussian Foreign Minister Sergei Lavrov said the US response “was not positive.” " +
		"“We will not accept it,” he said. NATO sent its proposals to Moscow."
	doc := &extract.Document{ID: "c.txt", Date: "2022-01-27", Text: text}
	r, err := x.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sentences != 3 || len(r.Statements) == 0 {
		t.Fatalf("%d sentences, %d statements", r.Sentences, len(r.Statements))
	}
	for _, s := range r.Statements {
		if err := s.Validate(); err != nil {
			t.Errorf("%+v: %v", s, err)
		}
		if text[s.Start:s.End] != s.Sentence {
			t.Errorf("offsets %d:%d do not give the sentence %q", s.Start, s.End, s.Sentence)
		}
		if s.Cue != "" && s.Sentence[s.CueStart:s.CueEnd] != s.Cue {
			t.Errorf("cue %q not at %d:%d", s.Cue, s.CueStart, s.CueEnd)
		}
		if s.Date != "2022-01-27" || s.Doc != "c.txt" {
			t.Errorf("provenance lost: %+v", s)
		}
	}
}

func TestMinConfidence(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(lx, extract.Config{MinConfidence: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), &extract.Document{ID: "m", Text: "He said it was unacceptable. Russia demands guarantees."})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.Statements {
		if s.Confidence < 0.95 {
			t.Errorf("statement below the minimum confidence: %+v", s)
		}
	}
}

func TestExtraLexicon(t *testing.T) {
	lx, err := lexicon.Load("../lexicon/testdata/gas.yaml")
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(lx, extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), &extract.Document{ID: "g", Text: "The Nord Stream operator rejected the inspection plan."})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Statements) == 0 || r.Statements[0].Subject != "Nord Stream AG" || r.Statements[0].Class != schema.Oppose {
		t.Errorf("extra actor not used: %s", dump(r.Statements))
	}
}

// TestDeterministic extracts the sample corpus with two extractors built
// apart: lexicon maps must not make the output depend on the run.
func TestDeterministic(t *testing.T) {
	var outs [2]string
	for k := range outs {
		lx, err := lexicon.Default()
		if err != nil {
			t.Fatal(err)
		}
		x, err := New(lx, extract.Config{})
		if err != nil {
			t.Fatal(err)
		}
		err = source.Walk([]string{"../../testdata/corpus"}, func(d *extract.Document) error {
			r, err := x.Extract(context.Background(), d)
			outs[k] += dump(r.Statements)
			return err
		}, func(b *source.BadDocument) error { return b })
		if err != nil {
			t.Fatal(err)
		}
	}
	if outs[0] != outs[1] || outs[0] == "" {
		t.Error("two runs over the sample corpus differ")
	}
}

// TestNamesPosition: a stance's target is a position, never a bare number
// or a lone adjective, whatever the patterns cut out of a sentence.
func TestNamesPosition(t *testing.T) {
	se := &sentence{toks: []nlp.Token{{Text: "a"}, {Text: "swift", Tag: "JJ"}, {Text: "response", Tag: "NN"}, {Text: "diplomacy", Tag: "NN"}}}
	for _, tc := range []struct {
		label string
		want  bool
	}{
		{"2015", false}, {"swift", false}, {"diplomacy", true}, {"swift response", true}, {"2015 Iran nuclear deal", true},
	} {
		if got := se.namesPosition(tc.label); got != tc.want {
			t.Errorf("namesPosition(%q) = %v, want %v", tc.label, got, tc.want)
		}
	}
}
