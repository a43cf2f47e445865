"""Armed groups and rebel movements that conflict reporting names, past and present (issue
14, "names nobody listed"): with them in the dictionary, offices ("Polisario-Chef X"), sides
in fighting and agreements are no longer lost, while the German words and given names that
look like their acronyms ("Ruf", "Ira", "Model", "Pro und Contra") stay words. Sentences
written for the test."""

from extract_helpers import analyse, of_class, only, positions, roles

from kg.dictionary import load_dictionary
from kg.vocabulary import ActorClass


def keys(a) -> set[str]:
    return {k for m in a.mentions for k in m.keys}


def test_the_new_groups_are_armed_groups():
    d = load_dictionary()
    for key in ("polisario", "ruf", "lra", "ltte", "farc", "eta", "ira", "al-nusra-front"):
        assert d.is_a(key, ActorClass.ARMED_GROUP), key


def test_a_hyphenated_title_names_the_groups_leader(ex):
    a = analyse(ex, "Polisario-Chef Brahim Ghali traf in Algier den Präsidenten Algeriens.")
    assert ("brahim-ghali", "leader", "polisario") in positions(a)
    b = analyse(ex, "UNITA-Chef Jonas Savimbi lehnte das Abkommen ab.")
    assert ("jonas-savimbi", "leader", "unita") in positions(b)
    c = analyse(ex, "LTTE-Chef Velupillai Prabhakaran lehnte die Gespräche ab.")
    assert ("velupillai-prabhakaran", "leader", "ltte") in positions(c)


def test_a_rebel_leader_leads_the_group_named_after_him_not_his_state(ex):
    a = analyse(
        ex,
        "Freetown – Rebellenführer Foday Sankoh ist am Mittwoch in Freetown festgenommen "
        "worden. Seine Kämpfer der RUF hatten zuvor Hunderte Blauhelme als Geiseln genommen.",
    )
    assert ("foday-sankoh", "leader", "ruf") in positions(a)
    assert ("foday-sankoh", "leader", "sierra-leone") not in positions(a)
    a = analyse(
        ex,
        "Juba – Rebellenführer Joseph Kony ist nicht zur Unterzeichnung erschienen. Die "
        "Widerstandsarmee des Herrn (LRA) kämpft seit 1987 gegen die Regierung Ugandas.",
    )
    assert ("joseph-kony", "leader", "lra") in positions(a)


def test_a_known_group_after_its_class_noun_in_a_titles_genitive(ex):
    a = analyse(
        ex,
        "Der Generalsekretär der Rebellenbewegung Forces Nouvelles, Guillaume Soro, "
        "unterzeichnete das Abkommen.",
    )
    assert ("guillaume-soro", "secretary-general", "forces-nouvelles") in positions(a)


def test_groups_as_sides_in_fighting(ex):
    a = analyse(ex, "Die LRA griff ein Dorf im Norden Ugandas an.")
    (attack,) = of_class(a, "MilitaryAction")
    assert "lra" in attack.actors()
    b = analyse(ex, "Die Tamilischen Tiger kämpften gegen die Armee Sri Lankas.")
    (fight,) = of_class(b, "MilitaryAction")
    assert {"ltte", "sri-lanka"} <= set(fight.actors())
    c = analyse(ex, "Die Kämpfer der Revolutionären Vereinigten Front überfielen Freetown.")
    assert "ruf" in of_class(c, "MilitaryAction")[0].actors()


def test_groups_as_parties_to_an_agreement(ex):
    a = analyse(ex, "Die Farc und die Regierung Kolumbiens unterzeichneten ein Friedensabkommen.")
    (agreed,) = of_class(a, "Agreement")
    assert {"farc", "colombia"} <= set(agreed.actors())
    b = analyse(ex, "Die MILF und die Regierung der Philippinen unterzeichneten ein Abkommen.")
    assert {"milf", "philippines"} <= set(of_class(b, "Agreement")[0].actors())


def test_an_attack_by_the_groups_own_account_is_its_claim(ex):
    a = analyse(ex, "Nach eigenen Angaben griffen Polisario-Kämpfer marokkanische Stellungen an.")
    (attack,) = of_class(a, "MilitaryAction")
    assert attack.claimed_by == ("polisario",)
    b = analyse(ex, "Polisario-Kämpfer griffen marokkanische Stellungen an.")
    assert of_class(b, "MilitaryAction")[0].claimed_by == ()


def test_german_words_like_an_acronym_stay_words(ex):
    assert "ruf" not in keys(analyse(ex, "Der Ruf nach Frieden wurde lauter."))
    assert "ira" not in keys(analyse(ex, "Ira Schmidt sprach mit der Presse."))
    assert "model-liberia" not in keys(analyse(ex, "Sie arbeitete als Model in Paris."))
    assert "contras" not in keys(analyse(ex, "Das Pro und Contra wurde lange erörtert."))
    # the acronym in capitals is the group; "Eta" is how German news writes the ETA
    assert "ruf" in keys(analyse(ex, "Die RUF griff Freetown an."))
    assert "eta" in keys(analyse(ex, "Die Eta erklärte einen Waffenstillstand."))


def test_the_peoples_republics_beside_the_oblast_and_the_city(ex):
    a = analyse(
        ex,
        "Die Separatisten riefen die Volksrepublik Donezk aus, die Oblast Donezk blieb "
        "umkämpft, in Donezk fielen Granaten.",
    )
    assert {"donetsk-peoples-republic", "donetsk-oblast", "donetsk"} <= keys(a)


def test_the_forces_of_a_region_are_an_actor_of_the_article(ex):
    # a de-facto state's forces: the region is a place, its troops act
    a = analyse(ex, "Ende September eroberten abchasische Verbände die Regionalhauptstadt Suchumi.")
    attack = only(a, "MilitaryAction")
    agents = [k for r, k in roles(attack) if r == "agent"]
    assert len(agents) == 1 and agents[0].endswith("abchasische-verbaende")
    assert ("location", "suhumi") in roles(attack)  # "Regionalhauptstadt Suchumi" is no person
    assert not [m for m in a.mentions if m.cls == "Person"]


def test_a_state_adjective_before_the_source_noun_claims(ex):
    a = analyse(
        ex,
        "Nach kirgisischen Angaben griffen tadschikische Einheiten Dörfer in der Region Batken an.",
    )
    attack = only(a, "MilitaryAction")
    assert attack.claimed_by == ("kyrgyzstan",)
    assert ("agent", "tajikistan") in roles(attack)
