"""Type descriptions and prototype sentences for the embedding side of the typer.

Written here from the codebook's definitions and general knowledge of conflict reporting in
many places (Sahel, Syria, Iraq, Mexico, India, Ukraine, US protests…); none is taken from the
dev sets or snippets. Each type gets a one-line description plus short news-style sentences;
``NONE`` holds sentences that look like conflict news but report no event (§3.2).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

DESCRIPTIONS: dict[str, str] = {
    "armed_clash": "Armed groups fought each other in a battle or clashes with an exchange of fire.",
    "government_regains_territory": "Government forces retook and regained control of a town from rebels or invading troops.",
    "non_state_actor_overtakes_territory": "Rebels, militants or invading troops captured and seized control of a town.",
    "chemical_weapon": "A chemical weapon such as chlorine or sarin gas was used in an attack.",
    "air_drone_strike": "Warplanes, helicopters or drones carried out an air strike and dropped bombs.",
    "suicide_bomb": "A suicide bomber blew himself up, detonating an explosive vest or car bomb.",
    "shelling_artillery_missile": "Artillery, mortars, rockets or missiles shelled and bombarded an area.",
    "remote_explosive": "A roadside bomb, landmine, IED or car bomb exploded.",
    "grenade": "Someone threw a hand grenade that exploded.",
    "sexual_violence": "Armed men raped or sexually assaulted women and girls.",
    "attack": "Gunmen attacked and killed unarmed civilians.",
    "abduction_forced_disappearance": "Armed men abducted or kidnapped people, who disappeared.",
    "peaceful_protest": "People held a peaceful protest, rally or march.",
    "protest_with_intervention": "Police dispersed protesters or arrested demonstrators at a peaceful protest.",
    "excessive_force_against_protesters": "Security forces opened fire on protesters, killing or severely injuring them.",
    "violent_demonstration": "Rioters and violent demonstrators threw stones, torched cars and clashed with police.",
    "mob_violence": "An angry mob lynched or beat people, or rival communities attacked each other.",
    "agreement": "The sides agreed a ceasefire, signed a peace deal or exchanged prisoners.",
    "arrests": "Police or security forces arrested or detained people.",
    "change_to_group_activity": "Troops were deployed or mobilised, forces put on alert, a curfew or martial law imposed, or fighters defected.",
    "disrupted_weapons_use": "Weapons were seized, a bomb defused, an attack foiled, or missiles intercepted.",
    "headquarters_or_base_established": "An armed group established a new base or headquarters.",
    "looting_property_destruction": "Armed men looted shops or burned and destroyed houses and property.",
    "non_violent_transfer_of_territory": "Forces withdrew from a town and others took control without a fight.",
    "other": "A notable conflict development such as a cyber attack or an annexation.",
    "diplomacy": "Leaders held talks or met, imposed sanctions, pledged military aid, or condemned another state.",
    "attribution": "One side accused or blamed the other for an attack, or a group claimed responsibility.",
    "organized_crime": "A drug cartel or criminal gang carried out killings, trafficking or extortion.",
    "natural_disaster": "An earthquake, flood, storm or other natural disaster struck.",
    "man_made_disaster": "An industrial accident, fire, explosion at a plant, or a crash killed people.",
}

PROTOTYPES: dict[str, list[str]] = {
    "armed_clash": [
        "Government troops clashed with militants near the border, leaving several fighters dead.",
        "Heavy fighting broke out between the army and rebel forces on the outskirts of the city.",
        "Soldiers repelled an attack by insurgents on a military checkpoint overnight.",
        "Rival armed factions exchanged fire for hours in the northern district.",
        "Militants ambushed an army patrol, sparking a gun battle that lasted into the night.",
        "Ukrainian forces repulsed Russian assaults near the eastern town.",
        "Police and gunmen fought a firefight in the state capital.",
    ],
    "government_regains_territory": [
        "The army recaptured the town from Islamic State militants after a week-long offensive.",
        "Government forces retook control of the district that rebels had held since last year.",
        "Troops liberated several villages in the region, the defence ministry said.",
        "Security forces drove the insurgents out of the town and restored government control.",
        "Ukrainian forces recaptured the village from Russian troops.",
    ],
    "non_state_actor_overtakes_territory": [
        "Rebels seized control of the provincial capital after government troops fled.",
        "Militants overran an army base and captured the surrounding town.",
        "Jihadist fighters took over several villages in the north.",
        "Russian forces captured the city after weeks of siege.",
        "The insurgents raised their flag over the town hall after taking the district.",
    ],
    "chemical_weapon": [
        "Dozens of people suffocated after a chlorine gas attack on the rebel-held town.",
        "Inspectors confirmed that sarin nerve agent was used in the strike.",
        "Residents described a toxic gas attack that left children choking.",
        "Forces used chemical weapons against the besieged district.",
    ],
    "air_drone_strike": [
        "Warplanes bombed a market in the rebel-held town, killing at least ten people.",
        "A drone strike killed three militants travelling in a car.",
        "Air strikes hit several villages in the province overnight.",
        "Helicopters dropped barrel bombs on residential neighbourhoods.",
        "Kamikaze drones struck energy facilities in the capital.",
        "A US airstrike targeted an al-Shabab camp in southern Somalia.",
    ],
    "suicide_bomb": [
        "A suicide bomber blew himself up at a crowded mosque during Friday prayers.",
        "An attacker wearing an explosive vest detonated it at a police checkpoint.",
        "A suicide car bomb exploded outside the army base, killing soldiers.",
        "Two female suicide bombers struck a busy market.",
    ],
    "shelling_artillery_missile": [
        "Artillery shelling hit residential areas of the city overnight.",
        "Rockets slammed into the town centre, killing several civilians.",
        "Mortar rounds landed near the school, wounding children.",
        "Russian missiles struck the city, damaging apartment blocks.",
        "The town came under heavy bombardment from multiple rocket launchers.",
        "Militants fired rockets at a military base.",
    ],
    "remote_explosive": [
        "A roadside bomb exploded next to an army convoy, killing four soldiers.",
        "A car bomb went off in a busy street of the capital.",
        "A landmine explosion killed two farmers working in their fields.",
        "An improvised explosive device detonated near a police vehicle.",
        "Saboteurs blew up a gas pipeline in the province.",
        "A bomb planted in a market exploded, wounding dozens.",
    ],
    "grenade": [
        "An attacker threw a hand grenade into a crowded bar, wounding twelve people.",
        "Militants hurled a grenade at a police patrol.",
        "A grenade explosion at a bus stop injured several passengers.",
        "Unidentified men lobbed grenades at the security post.",
    ],
    "sexual_violence": [
        "Soldiers raped women during the raid on the village.",
        "Armed men sexually assaulted girls in the camp.",
        "Survivors reported gang rapes by fighters in the region.",
        "Militiamen abducted and raped several women.",
    ],
    "attack": [
        "Gunmen opened fire on villagers, killing fifteen people.",
        "Armed men stormed a village and killed civilians in their homes.",
        "Militants executed a group of farmers near the village.",
        "Soldiers shot dead unarmed civilians at a checkpoint.",
        "Attackers hacked villagers to death with machetes.",
        "Bodies of executed civilians were found after the troops left.",
    ],
    "abduction_forced_disappearance": [
        "Gunmen kidnapped dozens of schoolgirls from their dormitory.",
        "Militants abducted aid workers on the road to the city.",
        "Armed men seized the village chief and took him to an unknown location.",
        "Activists disappeared after being taken away by security agents.",
        "Bandits abducted passengers from a bus and demanded ransom.",
    ],
    "peaceful_protest": [
        "Thousands of people marched through the capital to protest against the war.",
        "Demonstrators rallied outside parliament demanding the government resign.",
        "Workers went on strike over unpaid wages.",
        "Residents held a peaceful sit-in against the closure of the factory.",
        "Protesters gathered in front of the embassy chanting slogans.",
    ],
    "protest_with_intervention": [
        "Police dispersed protesters with tear gas and water cannon.",
        "Riot police broke up the demonstration and detained dozens of marchers.",
        "Security forces arrested activists at a peaceful rally.",
        "Officers used batons to clear a sit-in outside the ministry.",
    ],
    "excessive_force_against_protesters": [
        "Security forces opened fire on protesters, killing at least five.",
        "Police shot dead two demonstrators during the rally.",
        "Troops fired live ammunition into the crowd of protesters.",
        "Protesters were severely beaten by police and several died.",
    ],
    "violent_demonstration": [
        "Protesters threw stones at police and set cars on fire.",
        "Rioters torched government buildings and looted shops.",
        "Demonstrators clashed with police, hurling petrol bombs.",
        "Angry protesters stormed the governor's office and burned tyres.",
    ],
    "mob_violence": [
        "An angry mob lynched a man accused of theft.",
        "A crowd of villagers beat two suspected kidnappers to death.",
        "Communal violence broke out between rival groups, with houses torched.",
        "Vigilantes attacked members of the minority community.",
    ],
    "agreement": [
        "The warring parties agreed to a ceasefire that took effect at midnight.",
        "Both sides signed a peace deal in the capital.",
        "The two countries exchanged prisoners of war.",
        "The government and rebels agreed to hold talks next month.",
        "A humanitarian corridor was agreed to let civilians leave the city.",
    ],
    "arrests": [
        "Police arrested five suspects in connection with the bombing.",
        "Security forces detained a journalist at his home.",
        "Authorities rounded up dozens of opposition members overnight.",
        "The militant commander was captured and taken into custody.",
    ],
    "change_to_group_activity": [
        "The government deployed troops to the border region.",
        "The president declared martial law and ordered a general mobilisation.",
        "A curfew was imposed in the city after the unrest.",
        "Nuclear forces were put on high alert.",
        "A rebel commander and his fighters defected to the government side.",
        "Thousands of reservists were called up for service.",
    ],
    "disrupted_weapons_use": [
        "Police defused a bomb found near the stadium.",
        "Soldiers discovered a large weapons cache in the forest.",
        "Security forces foiled a plot to attack the parade.",
        "Air defences intercepted and shot down most of the missiles.",
        "Troops seized rifles and ammunition from the militants' hideout.",
    ],
    "headquarters_or_base_established": [
        "The militants established a new base in the mountains.",
        "The army set up a forward operating base near the town.",
        "Rebels set up their headquarters in the former school.",
    ],
    "looting_property_destruction": [
        "Soldiers looted shops and homes in the town.",
        "Militants burned down houses in the village.",
        "Armed men ransacked the office and destroyed equipment.",
        "Troops demolished homes belonging to the families of suspects.",
    ],
    "non_violent_transfer_of_territory": [
        "Troops withdrew from the town and rebels moved in without a fight.",
        "Government forces handed over control of the city to local militias.",
        "The army pulled out of the base, which was then taken over by fighters.",
        "The retreating forces abandoned their positions, leaving the region to the other side.",
    ],
    "other": [
        "A cyber attack knocked government websites offline.",
        "Hackers disrupted the banking system in a major cyber attack.",
        "The region was annexed after a disputed referendum.",
        "A military court sentenced the soldier to prison.",
    ],
    "diplomacy": [
        "The foreign ministers met in Geneva to discuss the crisis.",
        "The United States imposed new sanctions on the country.",
        "The president pledged a new package of military aid.",
        "The ministry summoned the ambassador to protest.",
        "The European Union condemned the attack.",
        "The two leaders held talks by phone.",
        "The international court ordered a halt to the military operation.",
    ],
    "attribution": [
        "The government blamed rebels for the bombing.",
        "The militant group claimed responsibility for the attack.",
        "Each side accused the other of violating the ceasefire.",
        "Officials accused the army of shelling civilian areas.",
    ],
    "organized_crime": [
        "Cartel gunmen killed a rival gang leader in the city.",
        "Police seized two tonnes of cocaine from drug traffickers.",
        "A criminal gang extorted money from local businesses.",
        "Suspected members of a drug gang were found dead.",
        "Human traffickers smuggled migrants across the border.",
    ],
    "natural_disaster": [
        "A powerful earthquake struck the region, collapsing buildings.",
        "Floods swept through villages after days of heavy rain.",
        "A cyclone made landfall, killing dozens.",
        "A landslide buried homes in the mountain village.",
    ],
    "man_made_disaster": [
        "A fire broke out at a factory, killing several workers.",
        "A passenger train derailed, killing dozens.",
        "An explosion at a chemical plant injured workers.",
        "A building collapsed in the city centre, trapping residents.",
        "A boat carrying migrants capsized off the coast.",
    ],
}

NONE: list[str] = [
    "Analysts say the conflict could escalate if talks fail.",
    "The war has devastated the country's economy.",
    "Experts warned of the risk of a wider regional war.",
    "The president addressed the nation in a televised speech.",
    "Thousands of refugees have fled the country since the fighting began.",
    "Residents were evacuated from the town.",
    "Please donate to support our journalism.",
    "The ministry said it was monitoring the situation closely.",
    "It is unclear how many people remain in the city.",
    "The city has a population of about one million.",
    "He said the country would never give up its territory.",
    "Officials did not immediately respond to requests for comment.",
    "The region has long been a stronghold of the opposition.",
    "Talks may resume next week, diplomats said.",
    "The situation remains tense in the capital.",
]


@lru_cache(maxsize=1)
def bank() -> tuple[list[str], np.ndarray, np.ndarray]:
    """(labels, label index per row, unit vectors): descriptions, prototypes and none-examples."""
    from .embed import embed

    texts: list[str] = []
    labels: list[str] = []
    for t, d in DESCRIPTIONS.items():
        texts.append(d)
        labels.append(t)
        for p in PROTOTYPES.get(t, []):
            texts.append(p)
            labels.append(t)
    for n in NONE:
        texts.append(n)
        labels.append("none")
    order = sorted(set(labels))
    idx = np.array([order.index(lbl) for lbl in labels])
    return order, idx, embed(texts)


def type_scores(vectors: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Per-type score for each vector: mean of the two nearest prototypes of that type."""
    order, idx, protos = bank()
    sims = vectors @ protos.T                         # (n, P)
    out = np.zeros((vectors.shape[0], len(order)), dtype=np.float32)
    for j in range(len(order)):
        cols = sims[:, idx == j]
        k = min(2, cols.shape[1])
        top = -np.sort(-cols, axis=1)[:, :k]
        out[:, j] = top.mean(axis=1)
    return order, out
