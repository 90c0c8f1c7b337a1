package tree

import (
	"context"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/schema"
)

func newExtractor(t *testing.T) *Extractor {
	t.Helper()
	x, err := New(extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// want is a statement expected of a sentence: its subject, class, and
// words its object holds (an actor's name for interactions).
type want struct {
	subject string
	class   schema.Class
	object  string
}

func has(sts []schema.Statement, w want) bool {
	for _, s := range sts {
		if s.Subject == w.subject && s.Class == w.class && strings.Contains(strings.ToLower(s.Object), strings.ToLower(w.object)) {
			return true
		}
	}
	return false
}

// TestMechanisms holds one sentence to each mechanism, on disputes none
// of the development sets covers.
func TestMechanisms(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		name string
		text string
		want []want
		not  []want
	}{
		{"verb and object", "Colombia rejected the rebels' proposal for a ceasefire.",
			[]want{{"Colombia", schema.Oppose, "proposal for ceasefire"}}, nil},
		{"control: urged X to Y", "Peru urged Bolivia to withdraw its ambassador.",
			[]want{{"Peru", schema.Demand, "Bolivia withdraw its ambassador"}}, nil},
		{"control over a stance: urged X to reject Y", "Pakistan urged the OIC to reject India's annexation of Kashmir.",
			[]want{{"Pakistan", schema.Oppose, "India's annexation of Kashmir"}},
			[]want{{"Organisation of Islamic Cooperation", schema.Oppose, "annexation"}}},
		{"control over a stance: pressed X to accept Y", "Norway pressed Venezuela to accept the mediation offer.",
			[]want{{"Norway", schema.Demand, "mediation offer"}}, []want{{"Venezuela", schema.Support, "mediation"}}},
		{"control with the infinitive as a clause", "Chile called on all parties to implement the Lima agreement.",
			[]want{{"Chile", schema.Demand, "implement Lima agreement"}}, nil},
		{"British quotes and a headline without a finite verb", "Kurti, Vucic 'reject' the EU's proposal on the association",
			[]want{{"Kosovo", schema.Oppose, "EU's proposal on association"}, {"Serbia", schema.Oppose, "EU's proposal on association"}}, nil},
		{"a headline's participle read as the past", "Colombia backed Guyana's position in the border dispute.",
			[]want{{"Colombia", schema.Support, "Guyana's position"}}, nil},
		{"title and a surname the lexicon knows", "Chancellor Merkel welcomed the Minsk agreement.",
			[]want{{"Germany", schema.Support, "Minsk agreement"}}, nil},
		{"blame with an actor is an accusation, the deed is the object's", "Somalia criticized Kenya for building a wall and closing the border.",
			[]want{{"Somalia", schema.Accuse, "Kenya"}, {"Somalia", schema.Oppose, "Kenya building wall"}},
			[]want{{"Kenya", schema.Oppose, "border"}, {"Somalia", schema.Assert, "Kenya building"}}},
		{"a meeting named by its parties", "The Vucic and Kurti meeting ended without a statement, followed by Aliyev – Pashinyan talks.",
			[]want{{"Serbia", schema.Consult, "Kosovo"}, {"Azerbaijan", schema.Consult, "Armenia"}}, nil},
		{"addressed, not asked", "Bolivia's foreign minister told journalists that talks with Chile would resume, and called on the sidelines of the summit.",
			nil, []want{{"Bolivia", schema.Demand, "journalists"}, {"Bolivia", schema.Demand, "sidelines"}}},
		{"ask for is no address", "Lebanon asked for international support for its army.",
			[]want{{"Lebanon", schema.Demand, "international support"}}, nil},
		{"a headline's speaker before a colon", "Caracas: The Guyanese claim to the Essequibo is not legitimate",
			[]want{{"Venezuela", schema.Oppose, "Guyanese claim"}}, nil},
		{"a demonym on a stance noun holds it", "The Chinese proposal for a ceasefire was welcomed.",
			[]want{{"China", schema.Propose, "ceasefire"}}, nil},
		{"what an actor will do it supports", "The African Union will deploy observers to the disputed border, and Morocco will not withdraw its ambassador.",
			[]want{{"African Union", schema.Support, "deploy observers to disputed border"}, {"Morocco", schema.Oppose, "withdraw its ambassador"}}, nil},
		{"will with no deed is none", "Chad will be at the summit, and Niger will see what happens.",
			nil, []want{{"Chad", schema.Support, "summit"}, {"Niger", schema.Support, "see"}}},
		{"an act under will is also the act", "Canada will impose sanctions on Iran and freeze the assets of its banks.",
			[]want{{"Canada", schema.Support, "impose sanctions on Iran"}, {"Canada", schema.Support, "freeze assets"}, {"Canada", schema.Threaten, "Iran"}},
			[]want{{"Canada", schema.Oppose, "assets"}}},
		{"a demand that another take a stance is the demander's", "Ethiopia demanded that Egypt abandon its veto on the dam.",
			[]want{{"Ethiopia", schema.Oppose, "veto"}}, []want{{"Egypt", schema.Oppose, "veto"}}},
		{"concern at", "Norway expressed grave concern at the arrests.",
			[]want{{"Norway", schema.Oppose, "arrests"}}, nil},
		{"a response promised on a condition threatens its actor", "Turkey warned of a severe response if Greece extends its territorial waters.",
			[]want{{"Turkey", schema.Threaten, "Greece"}}, nil},
		{"a response promised against a deed opposes the deed", "Ankara threatened to retaliate if Athens extends its territorial waters.",
			[]want{{"Turkey", schema.Threaten, "Greece"}, {"Turkey", schema.Oppose, "Athens extends its territorial waters"}}, nil},
		{"no threat in a response not promised", "Turkey did not respond if Greece called.",
			nil, []want{{"Turkey", schema.Threaten, "Greece"}}},
		{"a name with particles", "European Commission President Ursula von der Leyen welcomed the Mercosur deal.",
			[]want{{"European Union", schema.Support, "Mercosur deal"}}, nil},
		{"the two leaders spoke", "Modi met Nawaz Sharif in Ufa on Friday. The two leaders spoke for nearly an hour, and Modi spoke to reporters.",
			[]want{{"Pakistan", schema.Consult, "India"}}, nil},
		{"a reaction a clause drew", "Morocco recalled its ambassador, drawing condemnation from the African Union. The move drew criticism from Algeria.",
			[]want{{"African Union", schema.Oppose, "Morocco recalled its ambassador"}, {"Algeria", schema.Oppose, "move"}}, nil},
		{"retaliation after a deed threatens its doer", "Ottawa vowed to retaliate after Washington imposed tariffs on Canadian steel.",
			[]want{{"Canada", schema.Threaten, "United States"}}, nil},
		{"a stance on one's own stance is one stance", "Serbia ruled out recognising Kosovo's independence, and Germany backed away from its opposition to the embargo.",
			[]want{{"Serbia", schema.Deny, "Kosovo's independence"}, {"Germany", schema.Support, "embargo"}},
			[]want{{"Serbia", schema.Support, "independence"}, {"Germany", schema.Oppose, "embargo"}}},
		{"in protest at", "Caracas recalled its ambassador from Madrid in protest at the Spanish government's remarks.",
			[]want{{"Venezuela", schema.Oppose, "Spanish government's remarks"}}, nil},
		{"an infinitive of pressure is asked, not held", "Kurti said he expected pressure on Kosovo to accept the association.",
			nil, []want{{"Kosovo", schema.Support, "association"}}},
		{"not yet is no stance", "Bolivia has not yet endorsed the proposal.",
			nil, []want{{"Bolivia", schema.Oppose, "proposal"}}},
		{"a promised response is a threat, not a position", "Seoul vowed to deliver a resolute response if Pyongyang fired another missile.",
			[]want{{"South Korea", schema.Threaten, "North Korea"}}, []want{{"South Korea", schema.Support, "response"}}},
		{"an -ing word a determiner opens is a noun", "Guyana welcomed the support of Brazil for the 2018 arbitral ruling on the Essequibo.",
			[]want{{"Guyana", schema.Support, "arbitral ruling"}}, nil},
		{"a hostile deed an actor says it has not done is denied", "Caracas said it would not attack Guyana and had never threatened Georgetown.",
			[]want{{"Venezuela", schema.Deny, "attack Guyana"}, {"Venezuela", schema.Deny, "threatened Georgetown"}},
			[]want{{"Venezuela", schema.Threaten, "Guyana"}}},
		{"a deed of another, reported, is asserted", "Somalia's foreign minister said Eritrea had supplied weapons to al-Shabaab. He said Somalia had met Kenya.",
			[]want{{"Somalia", schema.Assert, "Eritrea had supplied weapons to al-Shabaab"}, {"Eritrea", schema.Aid, "al-Shabaab"}},
			[]want{{"Somalia", schema.Assert, "Somalia had met Kenya"}}},
		{"waiting for something is wanting it", "Cairo is still waiting for a written guarantee on the water flow.",
			[]want{{"Egypt", schema.Demand, "written guarantee on water flow"}}, nil},
		{"a noun predicate judged by its adjective", "The deployment of the missiles is a dangerous step, Seoul said.",
			[]want{{"South Korea", schema.Oppose, "deployment of missiles"}}, nil},
		{"a thing said to harm or help is judged", "The settlements are undermining the two-state solution, Jordan said. The ceasefire contributes to stability, Egypt added.",
			[]want{{"Jordan", schema.Oppose, "settlements"}, {"Egypt", schema.Support, "ceasefire"}}, nil},
		{"judgment: called X unacceptable", "Armenia called Azerbaijan's demands unacceptable.",
			[]want{{"Armenia", schema.Oppose, "Azerbaijan's demands"}}, nil},
		{"negation turns the class", "Morocco did not accept the plan.",
			[]want{{"Morocco", schema.Oppose, "plan"}}, []want{{"Morocco", schema.Support, "plan"}}},
		{"refuse to", "Serbia refused to recognise the vote.",
			[]want{{"Serbia", schema.Oppose, "vote"}}, nil},
		{"accuse X of Y", "Greece accused Turkey of violating its airspace.",
			[]want{{"Greece", schema.Accuse, "Turkey"}, {"Greece", schema.Assert, "Turkey violating its airspace"}}, nil},
		{"meeting of two", "Japan and South Korea held talks in Tokyo.",
			[]want{{"Japan", schema.Consult, "South Korea"}, {"South Korea", schema.Consult, "Japan"}}, nil},
		{"evaluation in reported speech", "Kenya said the election was illegitimate.",
			[]want{{"Kenya", schema.Oppose, "election"}}, nil},
		{"reversal: an end to X", "Pakistan demanded an end to the shelling.",
			[]want{{"Pakistan", schema.Oppose, "shelling"}}, nil},
		{"conditional: no stance", "If India attacks, Pakistan will reject any talks.",
			nil, []want{{"Pakistan", schema.Oppose, "talks"}}},
		{"passive agent", "The ceasefire was welcomed by Sudan.",
			[]want{{"Sudan", schema.Support, "ceasefire"}}, nil},
		{"noun with possessor", "Venezuela's rejection of the ruling angered Guyana.",
			[]want{{"Venezuela", schema.Oppose, "ruling"}}, nil},
		{"light verb", "Chile expressed its support for the mission.",
			[]want{{"Chile", schema.Support, "mission"}}, nil},
		{"demonym on a word of government", "Turkish officials condemned the attack.",
			[]want{{"Turkey", schema.Oppose, "attack"}}, nil},
		{"person by title", "Algerian Foreign Minister Ahmed Attaf rejected the plan.",
			[]want{{"Algeria", schema.Oppose, "plan"}}, nil},
		{"person by apposition, then by surname", "Ahmed Attaf, Algeria's foreign minister, arrived on Monday. Attaf rejected the plan.",
			[]want{{"Algeria", schema.Oppose, "plan"}}, nil},
		{"we is the speaker's side", `"We reject this decision," the Bolivian foreign minister said.`,
			[]want{{"Bolivia", schema.Oppose, "decision"}}, nil},
		{"coordinated holders", "Norway and Iceland condemned the whaling ban.",
			[]want{{"Norway", schema.Oppose, "whaling ban"}, {"Iceland", schema.Oppose, "whaling ban"}}, nil},
		{"coordinated targets", "Chile rejected the tariffs and the quotas.",
			[]want{{"Chile", schema.Oppose, "tariffs"}, {"Chile", schema.Oppose, "quotas"}}, nil},
		{"the speaker asserts a reported clause", "Azerbaijan said Armenia had never withdrawn its troops.",
			[]want{{"Azerbaijan", schema.Assert, "Armenia had never withdrawn its troops"}}, nil},
		{"a stance on an actor is none", "Venezuela rejected Guyana.",
			nil, []want{{"Venezuela", schema.Oppose, "Guyana"}}},
		{"a stance noun in a concession is a stance on the clause's event", "Ethiopia filled the reservoir despite vehement opposition from Egypt.",
			[]want{{"Egypt", schema.Oppose, "filled reservoir"}}, []want{{"Egypt", schema.Oppose, "opposition"}}},
		{"a stance noun in a setting", "Azerbaijan reopened the corridor amid fierce criticism from Armenia.",
			[]want{{"Armenia", schema.Oppose, "reopened corridor"}}, nil},
		{"a stance noun of accompaniment", "Morocco built the wall with the backing of France.",
			[]want{{"France", schema.Support, "built wall"}}, nil},
		{"a decision to respond is support for the response", "ASEAN ministers agreed to impose sanctions on Myanmar.",
			[]want{{"ASEAN", schema.Support, "impose sanctions on Myanmar"}}, nil},
		{"a promise of a response is no position", "Caracas vowed to deliver a firm response.",
			nil, []want{{"Venezuela", schema.Support, "response"}}},
		{"a light verb of achievement lends its subject", "Sudan and Egypt reached an agreement to share the river's water.",
			[]want{{"Sudan", schema.Support, "share river's water"}, {"Egypt", schema.Support, "share river's water"}}, nil},
		{"an extraposed infinitive is what an evaluation judges", "Ankara said it would be reckless for Greece to extend its waters.",
			[]want{{"Turkey", schema.Oppose, "Greece extend its waters"}}, nil},
		{"an extraposed infinitive after a dummy it", "Lima said it would be unproductive to negotiate in public.",
			[]want{{"Peru", schema.Oppose, "negotiate in public"}}, nil},
		{"a clause right after a verb of saying is its complement", "Caracas has repeatedly denied it is planning an annexation however has argued that the border is unjust.",
			[]want{{"Venezuela", schema.Deny, "planning annexation"}, {"Venezuela", schema.Oppose, "border"}}, nil},
		{"an ascriptive verb with an evaluative object evaluates its subject", "Pakistan argued that the dam constitutes a grave threat.",
			[]want{{"Pakistan", schema.Oppose, "dam"}}, []want{{"Pakistan", schema.Assert, "dam constitutes"}}},
		{"a headline's quotation, then who said it after a colon", `"We will never accept the tariffs": Lula and Petro reject the trade plan`,
			[]want{{"Brazil", schema.Oppose, "tariffs"}, {"Colombia", schema.Oppose, "tariffs"}, {"Brazil", schema.Oppose, "trade plan"}}, nil},
		{"a statement speaks for who issued it", "A statement from Bolivia's foreign ministry rejected the tariffs.",
			[]want{{"Bolivia", schema.Oppose, "tariffs"}}, nil},
		{"a pronoun a stance takes points back to the position named last", "Egypt proposed a binding agreement on the filling. Ethiopia rejected it.",
			[]want{{"Ethiopia", schema.Oppose, "binding agreement on filling"}}, []want{{"Ethiopia", schema.Oppose, "Egypt"}}},
		{"striving to do a thing supports doing it", "Guyana pushed to start drilling in the disputed waters next year.",
			[]want{{"Guyana", schema.Support, "start drilling in disputed waters"}}, nil},
		{"striving against a thing opposes it", "Morocco sought to block the referendum.",
			[]want{{"Morocco", schema.Oppose, "referendum"}}, nil},
		{"a condition stated as an impossibility is a demand for it", "Yerevan insists that no peace treaty is possible without the return of the prisoners.",
			[]want{{"Armenia", schema.Demand, "return of prisoners"}}, nil},
		{"a possibility not negated is no demand", "Yerevan said a treaty is possible without a referendum.",
			nil, []want{{"Armenia", schema.Demand, "referendum"}}},
		{"a mediator mediates towards each party, not the parties to each other", "Norway mediated between Colombia and the FARC.",
			[]want{{"Norway", schema.Mediate, "Colombia"}}, []want{{"Colombia", schema.Mediate, "Norway"}}},
		{"bringing the parties together is mediation, by whoever plays that role", "Armenia and Azerbaijan resumed talks. Kazakhstan has played a key role in bringing the two sides together.",
			[]want{{"Kazakhstan", schema.Mediate, "Azerbaijan"}}, nil},
		{"a demonym alone as a headline's subject is its state", "UN urges calm after Saudi accuses Iran over drone attack",
			[]want{{"Saudi Arabia", schema.Accuse, "Iran"}}, []want{{"United Nations", schema.Accuse, "Iran"}}},
		{"a predicate noun of chance or obstacle evaluates its subject", "Quito said the new tariffs were an obstacle to integration, and the summit a real opportunity.",
			[]want{{"Ecuador", schema.Oppose, "new tariffs"}}, nil},
		{"news of one's own conduct claims nothing; a claim about another does", "Guyana's foreign minister said Guyana had completed the survey. Guyana's foreign minister said Venezuela had moved troops to the border.",
			[]want{{"Guyana", schema.Assert, "Venezuela had moved troops to border"}}, []want{{"Guyana", schema.Assert, "survey"}}},
		{"an inverted report's name is its verb's subject, and we is the speaker's side", `"We will also target the ability of the junta to access our markets," Josep Borrell added.`,
			[]want{{"European Union", schema.Support, "target"}}, nil},
		{"indicating readiness lends the subject to the noun", "Indonesia indicated readiness to resume the border talks.",
			[]want{{"Indonesia", schema.Support, "resume border talks"}}, nil},
		{"a conjunct without a subject goes with the clause right before it", "Quito accuses Lima of massing troops, while Bogota denies any plan, but demands new talks.",
			[]want{{"Colombia", schema.Demand, "new talks"}}, []want{{"Ecuador", schema.Demand, "talks"}}},
		{"a purpose is the aim of whoever acts for it, and its owner is named", "Norway will fund the mission so that Somalia can defend its sovereignty and territorial integrity.",
			[]want{{"Norway", schema.Support, "Somalia's sovereignty"}, {"Norway", schema.Support, "Somalia's territorial integrity"}},
			[]want{{"Somalia", schema.Support, "sovereignty"}}},
		{"a clause too long for a label keeps its verb, its subject's modifiers go first", "Tokyo reaffirmed that an armed attack on Japanese coast guard vessels, fishing boats or aircraft near the disputed islands would invoke the security treaty.",
			[]want{{"Japan", schema.Support, "would invoke security treaty"}}, nil},
		{"expecting a thing forecasts it; expecting an actor to act demands it", "Belgrade said it expected pressure on Serbia to recognise the border. Lima expects Quito to withdraw its troops.",
			[]want{{"Peru", schema.Demand, "Quito withdraw"}}, []want{{"Serbia", schema.Demand, "pressure"}}},
		{"nouns of value and of need: stressing the importance of X supports it, the necessity of X demands it", "Egypt stressed the importance of a binding agreement. Sudan underlined the necessity of resuming the talks.",
			[]want{{"Egypt", schema.Support, "binding agreement"}, {"Sudan", schema.Demand, "resuming talks"}}, nil},
		{"one subject a clause: a name before another subject modifies it", "OAS top diplomats reject the election result.",
			[]want{{"Organization of American States", schema.Oppose, "election result"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), &extract.Document{ID: "t.txt", Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !has(res.Statements, w) {
					t.Errorf("no %v in %s", w, describe(res.Statements))
				}
			}
			for _, w := range tc.not {
				if has(res.Statements, w) {
					t.Errorf("unwanted %v in %s", w, describe(res.Statements))
				}
			}
			for _, s := range res.Statements {
				if err := s.Validate(); err != nil {
					t.Errorf("%+v: %v", s, err)
				}
			}
		})
	}
}

func describe(sts []schema.Statement) string {
	var b strings.Builder
	for _, s := range sts {
		b.WriteString("\n  " + s.Subject + " " + string(s.Class) + " " + s.Object + " (" + s.Predicate + ")")
	}
	if b.Len() == 0 {
		return "nothing"
	}
	return b.String()
}

func TestUnknownStage(t *testing.T) {
	_, err := New(extract.Config{Stages: []string{"sentences", "nonsense"}})
	if err == nil || !strings.Contains(err.Error(), `no stage called "nonsense"`) {
		t.Fatalf("error %v", err)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"Colombia rejected the proposal.", "", `"We reject," he said.`, "the the the", "Peru urged Bolivia to"} {
		f.Add(s)
	}
	x, err := New(extract.Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res, err := x.Extract(context.Background(), &extract.Document{ID: "f.txt", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range res.Statements {
			if err := s.Validate(); err != nil {
				t.Fatalf("%+v: %v", s, err)
			}
		}
	})
}
