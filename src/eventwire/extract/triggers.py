"""Trigger lexicon: the words and phrases that announce a happening, grouped into frames.

A *frame* is what the trigger says happened (a strike, a capture, a protest…); the typer (the
``types`` package) turns a frame into one of the codebook's 30 types by looking at the rest of
the sentence (weapon, actors, target). The lexicon is written from general conflict reporting
(wire copy, ACLED/CASE annotation guides, PETRARCH verb dictionaries), not from any dev text.

Patterns are regular expressions over the raw sentence, so triggers are found with or without
a parse; the parse, when present, is used for negation, modality and the arguments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

# Frames whose words only describe the outcome of some other happening ("killed", "wounded",
# "destroyed"): they stand alone only when the sentence holds no principal trigger.
CONSEQUENCE_FRAMES = frozenset({"KILL", "WOUND", "DAMAGE"})

_W = r"[\w'’-]+"           # one word
_GAP = rf"(?:\s+{_W}){{0,3}}?\s+"  # up to three words between two parts of a phrase

LEXICON: dict[str, list[str]] = {
    # --- fighting between armed groups -----------------------------------------------------
    "CLASH": [
        r"clash(?:es|ed|ing)?", r"fight(?:s|ing)?", r"fought", r"battl(?:e|es|ed|ing)",
        r"gun ?battles?", r"gunfights?", r"fire ?fights?", r"skirmish(?:es|ed)?",
        r"exchange[sd]? (?:of )?(?:heavy |intense |sporadic |fierce |small-arms )?(?:gun)?fire", r"traded (?:heavy )?(?:gun)?fire", r"(?:shot|fired|firing|shooting) at each other", r"exchanged shots", r"exchanging (?:heavy )?(?:gun)?fire",
        r"repel(?:led|s|ling)?", r"repuls(?:ed|es|ing)", r"fended off", r"beat back",
        r"ambush(?:ed|es)?", r"counter-?(?:attacks?|offensives?)", r"offensives?",
        r"assault(?:s|ed)? on", r"stormed", r"combat", r"engaged", r"hostilities",
        r"came under (?:heavy )?(?:fire|attack)", r"under (?:heavy )?fire",
        r"encircl(?:e|es|ed|ing|ement)", r"besieg(?:ed|ing)", r"siege",
        r"(?:conduct(?:ed|ing|s)?|carr(?:ied|ying|y) out|launch(?:ed|ing)?) (?![\"“]?(?:dozens|scores|hundreds|numerous|countless) )(?:\w+ ){0,3}operations? against", r"(?:clearance|counter-?terror(?:ism)?|military|security) operations?",
        r"rearguard action", r"resist(?:ed|ing|s)? (?:\w+ ){0,3}(?:assaults?|attacks?|advances?|offensives?)", r"(?:stop|stopped|halted|prevented|prevent) (?:\w+ ){0,4}(?:troops|forces|columns?|fighters|militants|rebels|soldiers|insurgents) from (?:entering|advancing|reaching|crossing|taking|capturing|seizing)",
    ],
    # --- generic attack verbs: the weapon and the target decide the type -------------------
    "STRIKE": [
        r"attack(?:s|ed|ing)?", r"strikes?", r"struck", r"hit(?:s|ting)?", r"target(?:s|ed|ing)",
        r"raid(?:s|ed|ing)?(?! (?:sirens?|alerts?|alarms?|warnings?|shelters?|signals?)\b)", r"pound(?:s|ed|ing)", r"(?:opened|opens?) fire", r"fired (?:on|at|upon|into)",
        r"blitz",
    ],
    "SHELL": [
        r"(?<!gas )shell(?:s|ed|ing)", r"bombard(?:s|ed|ing|ments?)", r"artillery", r"mortars?",
        r"rockets? (?:fire|attacks?|strikes?|hit|landed|slammed)", r"fired (?:\w+ )?(?:rockets|missiles|shells)",
        r"missile (?:strikes?|attacks?)", r"(?:missiles?|rockets?|shells?|projectiles?) (?:hit|struck|slammed|landed|rained|crashed|smashed|ploughed|plowed|fell|exploded)",
        r"(?:launched|launching|used|using|fired|firing) (?:\w+ ){0,4}(?:missiles|rockets|shells|artillery)", r"cruise missiles?", r"ballistic missiles?",
        r"barrages?", r"salvos?", r"rocket(?:ed|ing)", r"katyushas?", r"(?:rockets?|missiles?) (?:were |was )?(?:launched|fired) (?:at|towards|on)", r"(?:rockets|missiles|shells|projectiles) (?:crossed|were fired|rained down)",
    ],
    "AIR": [
        r"(?:drones?|uavs?)(?: \w+){0,2} (?:crashed|slammed|smashed|plunged|exploded) (?:into|on|onto)",
        r"air ?strikes?", r"air ?raids?(?! (?:sirens?|alerts?|alarms?|warnings?|shelters?|signals?)\b)", r"aerial (?:bombardment|attacks?|bombing|strikes?)",
        r"drone (?:strikes?|attacks?)", r"warplanes?", r"bomb(?:ed|ing)? raids?",
        r"barrel bombs?", r"dropped (?:\w+ )?bombs", r"kamikaze drones?", r"air attacks?",
        r"helicopter gunships?", r"bombers?",
        # Armed groups' drones carry grenades and charges: "dropped explosives from drones".
        r"dropped (?:\w+ ){0,3}(?:explosives?|munitions?|grenades?|bombs?|charges) (?:from|by|using) (?:an? |the )?(?:[\w-]+ )?(?:drones?|uavs?|quadcopters?)",
        r"(?:drones?|uavs?|quadcopters?) (?:\w+ ){0,2}(?:dropped|released) (?:\w+ ){0,2}(?:explosives?|munitions?|grenades?|bombs?|charges)",
        r"(?:drones?|uavs?|warplanes?|aircraft|jets?) (?:\w+ ){0,2}set (?:[\w,-]+ ){1,8}(?:ablaze|on fire|alight)",
    ],
    "EXPLODE": [
        r"explo(?:sions?|ded|des|ding)", r"blasts?", r"detonat(?:ed|es|ion|ing)",
        r"went off", r"blew up", r"blown (?:up|away|apart)", r"blew (?:\w+ ){0,3}apart", r"bomb(?:s|ed|ing|ings)?", r"IEDs?",
        r"car[- ]bombs?", r"landmines?", r"dynamit(?:ed|e|ing)", r"roadside bombs?", r"improvised explosive",
        r"explosive devices?", r"booby[- ]trap(?:ped|s)?", r"sabotage[ds]?", r"roadside devices?",
    ],
    "SUICIDE": [
        r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|blasts?|car|vest)",
        r"blew (?:himself|herself|themselves) (?:up|apart)", r"self-detonat\w*", r"explosives? (?:vests?|belts?)",
        r"explosives? strapped to (?:his|her|their) bod(?:y|ies)",
        r"drove (?:an? |the )?(?:explosives?|bomb|booby-trap)[\w-]* (?:\w+ )?(?:into|at|towards)", r"killing (?:himself|herself|themselves)", r"suicide belts?",
        r"(?:bomber|attacker|assailant)s?\b(?:\s+[\w'’,-]+){0,25}?\s+(?:dying|died|killing (?:himself|herself|themselves))",
        # A driver who died is mostly a victim; one who drove explosives and died drove the bomb.
        r"drivers?\b(?:\s+[\w'’,-]+){0,12}?\s+(?:explosives?|bombs?|[\w-]+-laden)\b(?:\s+[\w'’,-]+){0,12}?\s+(?:dying|died)",
        r"drivers?\b(?:\s+[\w'’,-]+){0,25}?\s+killing (?:himself|herself|themselves)",
    ],
    "GRENADE": [r"(?<!rocket-propelled )(?<!stun )grenades?(?! launcher)", r"lobbed", r"hurled (?:a |an )?(?:explosive|grenade)",
                r"pulled the pin",
                r"hand-thrown (?:explosives?|bombs?|devices?)", r"fragmentation (?:devices?|grenades?)"],
    "CHEM": [
        r"chemical (?:weapons?|attacks?|agents?|munitions)", r"chlorine(?: gas)?", r"sarin", r"mustard gas",
        r"irritant gas(?:es)?",
        r"nerve (?:agent|gas)", r"toxic gas", r"poison(?:ous)? gas", r"gas attacks?",
        r"(?:choking|noxious|toxic) (?:gas(?:es)?|chemicals?|substances?|fumes)",
        r"mustard (?:agent|gas)", r"gas clouds?", r"smell of (?:bleach|chlorine)", r"nerve[- ]agent",
        r"(?:carrying|containing|filled with) (?:an? )?(?:unidentified |unknown |toxic |poisonous )?(?:chemical|gas)\b", r"(?:released|releasing) (?:a |an )?(?:[\w-]+ ){0,3}gas\b",
        r"chloropicrin", r"phosgene", r"(?:cs|riot[- ]control) gas (?:grenades|munitions) (?:dropped|used)",
        r"munitions filled with",
    ],
    # --- violence whose outcome is the trigger ---------------------------------------------
    "KILL": [
        r"kill(?:s|ed|ing)?", r"shot dead", r"gunned down", r"massacre[sd]?", r"executed",
        r"executions?", r"murder(?:s|ed|ing)?", r"beheaded", r"slain", r"slaughter(?:ed)?",
        r"shot (?:and (?:killed|wounded|injured) )?(?:\w+ )?(?:civilians|people|villagers|protesters|demonstrators|men|women)",
        # "shot a shopkeeper", "shot two police officers": a person shot, whoever the shooter
        r"shot (?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several|at least \d+) (?:[\w-]+ ){0,2}"
        r"(?:shopkeepers?|traders?|vendors?|merchants?|drivers?|farmers?|teachers?|students?|journalists?|"
        r"officers?|policem[ae]n|police officers?|soldiers?|guards?|man|woman|boy|girl|child|children|persons?|"
        r"residents?|villagers?|workers?|leaders?|officials?|candidates?|mayors?|activists?|priests?|"
        r"passengers?|bystanders?|migrants?|youths?|members?|brothers?|sons?|civilians?)\b",
        # Army communiqués' word for killing armed men: "neutralised 50 terrorists".
        r"neutrali[sz](?:ed|ing) (?:[\w,-]+ ){0,4}?(?:terrorists?|militants?|fighters?|assailants?|attackers?|"
        r"insurgents?|bandits?|gunmen|jihadists?|rebels?|enemy (?:fighters|soldiers|combatants))",
        r"stabbed", r"hacked to death", r"assassinat(?:ed|ion|ions)", r"beat(?:en)? to death",
        r"(?:beat|hacked|stoned) (?:[\w-]+ ){1,4}to death", r"burn(?:ed|t) (?:[\w-]+ ){0,5}alive", r"lynch(?:ed|ing|es)", r"tortur(?:ed|e|ing)",
        r"dead", r"died", r"death toll", r"(?:the |in )deaths? of", r"lost their lives", r"(?:was|were|been|being|got) shot", r"shot (?:at|and)",
        r"shootings?", r"gunfire", r"sniper fire",
    ],
    "WOUND": [r"wound(?:ed|ing|s)", r"injur(?:ed|ing|ies|y)", r"hurt", r"casualties"],
    "DAMAGE": [r"destroy(?:ed|s|ing)?", r"damag(?:ed|ing)", r"flatten(?:ed)?", r"razed", r"levell?ed", r"reduced to rubble"],
    # --- territory ---------------------------------------------------------------------------
    "CAPTURE": [
        r"captur(?:ed|es|ing|e)", r"seiz(?:ed|es|ing|ure|e)", r"took (?:full |complete )?control",
        r"tak(?:en|ing|es) (?:full |complete )?control", r"overr(?:an|un|unning)", r"took over",
        r"taken over", r"(?:fell|fallen|falls) to", r"fall of(?! (?:at least |more than |about |some |over )?(?:\d|dozens|scores|hundreds|several|many|\w+ (?:dead|killed|victims|martyrs|people)))", r"advanc(?:ed|es|ing) (?:into|on)",
        r"entered (?:the )?(?:city|town|village|capital)", r"occupied", r"now controls?", r"under (?:the )?control of",
        r"(?:raised|hoisted) (?:their|its|the) flag", r"hoist(?:ed|ing) (?:[\w’'-]+ ){0,5}flags?", r"(?:raised|hoisted|planted) (?:their|its|the) (?:\w+ )?(?:flags?|banners?)", r"(?:took|taken) (?:the )?(?:city|town|village)",
        r"gain(?:ed)? (?:control|ground)", r"entered (?:the )?(?:[A-Z][\w’'-]+ )?(?:outskirts|suburbs?|district|centre|center|neighbou?rhood)|entered (?:the )?[A-Z][\w’'-]+", r"amphibious landings?", r"(?:been |was |were )?lost to", r"(?:were|was|are|is|now) in (?:full )?control of",
    ],
    "RETAKE": [
        r"re-?took", r"re-?tak(?:en|e|ing|es)", r"recaptur(?:ed|e|es|ing)", r"liberat(?:ed|e|es|ing|ion)",
        r"regain(?:ed|s|ing)? (?:full )?control", r"regained", r"won back", r"wrested",
        r"drove (?:\w+ ){0,3}out", r"driven (?:\w+ ){0,3}out", r"expell?ed (?:\w+ ){0,3}(?:forces|troops|fighters|militants|rebels)",
        r"cleared (?:\w+ ){0,4}of", r"pushed back", r"pushed (?:[\w-]+ ){1,3}out of",
        r"control (?:[\w’'-]+ ){0,6}(?:was|were|has been|had been) restored", r"restored (?:state |government |full )?control", r"reclaim(?:ed)?", r"back under (?:\w+ )?control", r"back in (?:full )?control of", r"re-?entered",
    ],
    "WITHDRAW": [
        r"withdr(?:ew|awn|aw|awal|awing)", r"pull(?:ed|s|ing)? (?:out|back)", r"pullout", r"retreat(?:ed|s)?", r"exited", r"vacated",
        r"handed over", r"hand(?:ed|over|s)? (?:over )?control",
        r"hand(?:ed|ing) (?:[\w-]+ ){1,4}over to", r"handed (?:[\w-]+ ){0,2}(?:positions|camp|base|territory|areas?|town|city) (?:[\w-]+ ){0,4}to",
        r"evacuated (?:the )?(?:town|city|village|area|district|enclave|pocket)", r"(?:fighters|rebels|militants|troops|forces|soldiers|peacekeepers) (?:\w+ ){0,2}left", r"abandon(?:ed)?", r"evacuated (?:their|its) (?:positions|troops|garrison)",
    ],
    # --- protest and riot ------------------------------------------------------------------
    "PROTEST": [
        r"protest(?:s|ed|ing|ers?)?", r"demonstrat(?:ion|ions|ors?|ed|ing)", r"rall(?:y|ies|ied)",
        r"march(?:ed|es|ing)?", r"sit-ins?", r"picket(?:s|ed|ing)?", r"took to the streets",
        r"(?:general|labou?r|workers'?|hunger) strikes?", r"went on strike", r"on strike", r"striking (?:workers|teachers|doctors|nurses)",
        r"vigils?", r"chant(?:ed|ing)", r"placards?", r"dharnas?", r"gheraos?", r"bandhs?", r"hartals?", r"processions?",
        r"(?:blocked|blockaded) (?:the |a )?(?:\w+ ){0,2}(?:road|highway|roads|motorway|railway)",
        r"human chains?", r"walk-?outs?", r"walked out (?:of|in protest)",
        r"encampments?", r"filled (?:the )?(?:[\w’'-]+ ){0,3}(?:avenue|square|streets|boulevard|plaza)",
        r"gathered (?:[\w’'-]+ ){0,8}(?:demanding|to demand|to protest|calling for|chanting)",
    ],
    "DISPERSE": [
        r"dispers(?:ed|e|ing|al)", r"broke up", r"broken up", r"tear ?gas", r"water cannons?",
        r"rubber bullets", r"batons?", r"stun grenades?", r"pepper spray", r"charged (?:at )?(?:the )?(?:crowd|protesters)",
        r"cracked down", r"crackdown", r"cleared (?:the |a )?(?:[\w-]+ ){0,3}(?:encampment|sit-in|protest camp)",
        r"(?:prevented|stopped|blocked|banned|halted|thwarted) (?:\w+ ){0,3}(?:demonstrations?|protests?|march|rally|procession|sit-in)",
    ],
    "RIOT": [
        r"riot(?:s|ed|ing|ers)?(?! (?:police|officers|gear|squads?|control|units?))", r"torch(?:ed|ing)", r"set (?:\w+ ){0,4}(?:on )?fire", r"set (?:[\w,-]+ ){0,8}ablaze", r"set afire", r"set (?:[\w-]+ ){1,4}alight", r"firebomb(?:s|ed|ing)?",
        r"set fire to", r"(?:threw|hurled|pelted) (?:\w+ ){0,3}(?:stones|rocks|bricks|bottles|petrol bombs|molotov)",
        r"stone-?pelting", r"petrol bombs?", r"molotov cocktails?", r"vandali[sz](?:ed|ing|m)",
        r"stormed", r"burn(?:ed|t|ing) tyres", r"unrest", r"ransack(?:ed|ing)",
    ],
    "MOB": [
        r"mobs?", r"lynch(?:ed|ing|ings)?", r"vigilantes?", r"angry crowds?", r"(?:communal|sectarian|ethnic) (?:clashes|violence)",
        r"stoned (?:\w+ ){0,3}to death",
    ],
    # --- violence against civilians --------------------------------------------------------
    "ABDUCT": [
        r"abduct(?:ed|s|ing|ion|ions)", r"kidnap(?:ped|s|ping|pings|pers)?", r"taken hostage",
        r"took (?:\w+ )?hostage", r"held hostage", r"hostages?", r"held captive", r"captives?", r"forcibly disappeared",
        r"enforced disappearances?", r"forced disappearances?",
        r"(?:taken|seized|snatched|grabbed|dragged|led) (?:away )?(?:\w+ ){0,3}at gunpoint", r"taken away by (?:armed|gunmen|unknown|masked|unidentified)", r"deport(?:ed|ation)", r"hijack(?:ed|ing|ings|ers?)?",
        r"took (?:\d+ |\w+ )?(?:\w+ ){0,2}(?:off|from) (?:a |the )?(?:bus|vehicle|car|minibus|train|boat|truck)",
        r"bundled into", r"has not been seen since", r"(?:has|have) heard nothing from", r"snatched", r"(?<!persons )(?<!people )(?<!inmates )(?<!prisoners )(?<!individuals )deprived (?:\w+ ){0,5}of (?:their |his |her )?liberty", r"(?:nobody|no one) has heard from", r"(?:has|have) not been heard from", r"(?:pulled|dragged|taken) (?:\w+ ){0,3}off (?:a |the )?(?:bus|vehicle|car|minibus|train|boat|truck)",
        r"took (?:him|her|them|(?:an? |the )?(?:[\w-]+ ){0,3}(?:activist|journalist|student|blogger|man|woman|lawyer)) (?:away )?from (?:his|her|their) (?:home|house|hostel|office|shop|car|room)",
        r"led (?:them |him |her )?away into", r"whereabouts (?:remain|are|is) unknown", r"(?:carried off|took away|taken away|rounded up and took) (?:at least |some |about |more than )?(?:\d+|\w+) (?:\w+ )?(?:children|girls|boys|women|men|people|villagers|students|civilians|passengers|pupils|teenagers)",
    ],
    "SEXUAL": [
        r"rap(?:ed|e|es|ing)", r"gang-rap\w*", r"sexual(?:ly)? (?:assault(?:ed|s)?|abus(?:ed|e)|violence|slavery|exploitation)",
        r"molest(?:ed|ing)", r"sexual(?:ly)? tortur\w+", r"sex(?:ual)? acts?", r"forced (?:\w+ ){0,3}(?:sex|to marry)", r"sexual harassment",
    ],
    "ARREST": [
        r"arrest(?:ed|s|ing)?", r"detain(?:ed|s|ing)", r"detention", r"apprehend(?:ed|ing|s)?",
        r"(?:taken |took (?:[\w’'-]+ ){1,12})into custody", r"carted (?:away|off)", r"(?:were|was) picked up (?:at|by|in|from|during)", r"rounded up", r"picked up (?:an? |the |\d+ |two |three |four |five |several )?(?:[\w-]+ ){0,2}(?:suspects?|suspected|militants?|activists?|recruiters?|members?)", r"jailed", r"imprisoned", r"nabbed", r"collared",
    ],
    "LOOT": [
        r"loot(?:ed|ing|s)?", r"plunder(?:ed|ing)?", r"stripped of (?:goods|supplies|everything|their contents)", r"pillag(?:ed|ing|e)", r"ransack(?:ed|ing)",
        r"burn(?:ed|t) (?:down )?(?:\w+ ){0,2}(?:homes|houses|shops|villages?|churches|mosques|property|vehicles|cars)",
        r"carried off (?!(?:[\w,-]+ ){0,4}(?:children|girls|boys|women|men|people|villagers|students|civilians|pupils|"
        r"hostages|passengers|teenagers)\b)(?:[\w,-]+ ){1,6}from", r"demolish(?:ed|ing)", r"smash(?:ed|ing) (?:[\w-]+ ){0,3}(?:windows|shopfronts|storefronts|windscreens)", r"spray-?painted", r"bulldoz(?:ed|ing)", r"vandali[sz](?:ed|ing)", r"arson", r"(?:stole|stolen|steal|stealing)",
        r"carr(?:ied|ying) off (?:\d[\d,]* |two |three |several )?(?:tonnes|tons|bags|sacks|goods|supplies|food|aid|livestock|cattle|motorbikes|motorcycles|vehicles|cars|trucks)",
        r"stripped bare",
        r"emptied (?:the |a )?(?:[\w'’-]+ ){0,5}(?:warehouses?|depots?|stores|shops|granar(?:y|ies))",
        r"broke into (?:a |an |the )?(?:[\w-]+ ){0,5}(?:warehouse|depot|food store|aid store)s?",
        r"burn(?:ed|t) (?:down )?(?:the )?(?:\w+ ){0,2}(?:offices|facilities|buildings|crops|fields|stores|markets?|schools?|clinics?)",
        r"burn(?:ed|t) (?:down )?(?:the |a |an )?(?:\w+ ){0,2}(?:cent(?:re|er)s?|halls?|police stations?|churche?s?|mosques?|hospitals?|warehouses?|granar(?:y|ies))",
    ],
    # --- strategic developments ------------------------------------------------------------
    "AGREE": [
        r"ceasefire", r"cease-fire", r"truce", r"armistice", r"peace (?:deal|agreement|accord|treaty|pact)",
        r"agree(?:d|s|ment|ments)?", r"signed", r"accords?", r"deal", r"prisoner (?:swap|exchange)s?",
        r"in an? (?:[\w-]+ )?(?:exchange|swap) (?:brokered|mediated|arranged)",
        r"(?:swapped|exchanged) (?:\w+ ){0,3}(?:prisoners|captives|detainees|bodies|pows)",
        r"(?:exchanges?|swaps?) of (?:\w+ ){0,2}(?:prisoners|captives|detainees|bodies|pows|hostages)", r"(?:pow|captive|hostage|detainee) (?:swap|exchange)s?",
        r"(?:exchanges?|swaps?) of (?:\w+ ){0,2}(?:prisoners|captives|detainees|bodies|pows|hostages)", r"(?:pow|captive|hostage|detainee) (?:swap|exchange)s?", r"exchanged (?:in return|in exchange) for",
        r"(?:prisoners|captives|detainees|pows) (?:\w+ ){0,3}(?:were |was )?(?:exchanged|swapped|released in exchange)", r"humanitarian (?:corridors?|pause)",
        r"reached (?:an? )?(?:understanding|deal)", r"struck a deal", r"memorandum of understanding",
        r"(?:brokered|agreed(?: to| on)?|negotiated|secured|arranged|mediated) (?:an? |the )?(?:[\w-]+ ){0,3}(?:pause|halt|lull|cessation|suspension) (?:in|of) (?:the )?(?:fighting|hostilities|clashes)",
        r"signed off on", r"initial(?:l)?ed (?:the )?(?:text|draft)",
    ],
    "DIPLO": [
        r"talks", r"negotiat(?:ions|ed|ing|ors?)", r"met(?: with)?", r"meetings?", r"summit",
        r"visit(?:ed|s|ing)?", r"sanction(?:s|ed|ing)?", r"condemn(?:ed|s|ing|ation)",
        r"expell?(?:ed|s|ing)? (?:[\w’'-]+ ){0,4}(?:diplomats?|ambassadors?|envoys?|attach[eé]s?|consuls?)", r"recall(?:ed)? (?:its|their) ambassadors?",
        r"summon(?:ed|s)? (?:\w+ ){0,3}(?:ambassador|envoy|charg[eé])", r"urg(?:ed|es|ing)", r"called (?:on|for|upon)",
        r"pledg(?:ed|es|e)", r"announced (?:[\w$€£,.-]+ ){1,5}(?:in )?(?:humanitarian |military |financial |emergency )?(?:aid|assistance)", r"deliver(?:ed|ies|y|ing)? (?:[\w-]+ ){0,4}(?:weapons|arms|missiles|tanks|aid|ammunition|systems|equipment|jets|howitzers|drones)", r"(?:sent|send|supply|supplied|supplying|provid(?:e|ed|ing)|ship(?:ped|ping|s)?|transferr?(?:ed|ing)?|donat(?:e|ed|ing)) (?:[\w-]+ ){0,6}(?:weapons|arms|missiles|tanks|aid|ammunition|systems|equipment|jets|vehicles|launchers|howitzers|drones|artillery|rifles|munitions|vessels|warships|radars?|air defen[cs]es?)",
        r"(?:halt|halted|suspend(?:ed)?|cut off|cease|ceased|resum(?:e|ed|ing)|froze|freez(?:e|ing)) (?:[\w-]+ ){0,3}(?:military aid|aid|assistance|intelligence sharing|arms sales|cooperation|funding|diplomatic relations|relations|talks|negotiations|dialogue)",
        r"received (?:a |an |the )?(?:[\w-]+ ){0,3}(?:delegation|envoy|ambassador|minister|counterpart)s?", r"issued (?:a |an )?joint statement",
        r"(?:freez(?:e|ing)|froze|frozen) (?:[\w-]+ ){0,3}assets", r"(?:issued|made|delivered) (?:a |an )?(?:[\w-]+ ){0,2}(?:threat|warning|ultimatum)s? (?:to|against)",
        r"(?:end|cut|broke|break|sever(?:ed)?|suspend(?:ed)?|restor(?:ed|e)) (?:of |off )?(?:diplomatic )?(?:ties|relations)",
        r"(?:lodged|filed|submitted) (?:an? )?(?:formal |official )?(?:complaint|protest)s? (?:with|to)",
        r"discuss(?:ed|es|ing)?", r"meet(?:s|ing)? with", r"will meet", r"(?:will|to) vote", r"voted (?:to|for|against|on)", r"video (?:call|conference)",
        r"aid package", r"military aid", r"(?:phone|telephone) (?:call|conversation)", r"spoke (?:by phone )?with",
        r"ultimatum", r"demand(?:ed|s)(?! (?:a |an |the )?(?:[\w$,.-]+ ){0,2}ransom)", r"veto(?:ed)?", r"resolution", r"embargo", r"envoy",
        r"(?:icj|icc|international (?:criminal )?court|world court|court of justice) (?:\w+ ){0,3}(?:ordered|issued|ruled)",
        r"(?:echr|court of human rights|european court|international tribunal|court of arbitration)\)? (?:[\w()’'-]+ ){0,5}(?:ordered|issued|ruled)",
        r"told (?:a (?:group|meeting|gathering) (?:of )?)?(?:[\w-]+ ){0,2}(?:allies|counterparts|leaders|diplomats|ambassadors|envoys|lawmakers)", r"arrest warrant", r"address(?:ed|es|ing) (?:the )?(?:un|united nations|congress|parliament|general assembly|security council|european)",
        r"severed (?:diplomatic )?ties", r"recogni[sz](?:ed|e) (?:the )?independence", r"mediat(?:ed|ion|ing)",
        r"appeal(?:ed)? to", r"announced (?:\w+ ){0,3}(?:aid|package|assistance)", r"boycott(?:ed)?",
        r"(?:rejected|accepted|turned down|spurned) (?:[\w’'-]+ ){0,3}(?:offer|proposal|invitation|ultimatum|peace plan)",
        r"(?:ordered|gave|told) (?:the )?(?:[\w-]+ ){0,3}(?:ambassador|envoy|diplomats?) (?:[\w-]+ ){0,3}to leave",
    ],
    "ATTRIB": [
        r"accus(?:ed|es|ing|ation|ations)", r"blam(?:ed|es|ing|e)", r"claimed responsibility",
        r"claim(?:ed|s)? (?:\w+ ){0,2}responsibility", r"responsibility for",
        r"(?:one of )?(?:its|their) (?:\w+ ){0,2}(?:members?|fighters?|militants?|operatives?) (?:had )?carried out", r"held (?:\w+ ){0,2}responsible",
        r"hold(?:s|ing)? (?:[\w’'-]+ ){1,5}responsible", r"claimed (?:the |last week's |monday's |tuesday's |wednesday's |thursday's |friday's |saturday's |sunday's )?(?:kidnapping|abduction|attack|bombing|killing|assault|ambush|capture)s?",
        r"(?:is|was|were|are) behind", r"pinned (?:\w+ ){0,2}on",
        r"attribut(?:ed|es|ing) (?:the |this |that |these |those |last \w+'s |\w+'s )?(?:[\w-]+ ){0,3}(?:attacks?|strikes?|bombings?|killings?|blasts?|explosions?|shelling|massacre|ambush|abductions?|aggression|violence|murders?|raids?|crimes?) to", r"charged that",
        r"(?:was|were|had been|has been) (?:\w+ )?(?:planned|directed|orchestrated|masterminded|sponsored|ordered)(?: and (?:planned|directed|orchestrated|masterminded|sponsored|executed|financed))? by", r"alleg(?:ed|es) that",
        r"false flag", r"denied (?:any )?(?:involvement|responsibility)",
        r"pointed (?:a |the )?finger at", r"took credit (?:\w+ ){0,3}for", r"(?:claimed|claiming|claims) credit for",
        r"(?:described|branded|labell?ed|called|denounced) (?:[\w’'-]+ ){1,6}as (?:an? )?(?:[\w-]+ ){0,3}(?:terrorist|terrorism|war crimes?|genocide|crimes? against humanity|massacre)",
        r"(?:was|were|had been) (?:caused|started|triggered|orchestrated|masterminded|planned) by", r"(?<!the )alleged(?! \w+ (?:attack|strike|killing|massacre|use|involvement))",
        r"(?:is|was|are|were|amounts? to|amounted to|constitutes?|constituted) (?:a |an )?(?:\w+ ){0,2}(?:war crimes?|crimes? against humanity|genocide|act of terror(?:ism)?|terrorist act)",
    ],
    "DEPLOY": [
        r"deploy(?:ed|s|ing|ment|ments)", r"mobili[sz](?:ed|ation|ing|e)", r"(?:on|to) [\"“]?(?:high |full |combat |special |heightened |maximum )?(?:combat )?alert",
        r"curfews?", r"martial law", r"state of emergency", r"barred (?:\w+ ){0,2}from leaving (?:their|his|her) homes",
        r"(?:sealed|cordoned|closed|blocked) off (?:\w+ ){0,3}(?:roads?|streets?|the (?:city|town|area|centre|center|district|square|border)|access|entrances?|neighbourhoods?|neighborhoods?)", r"state of (?:internal )?(?:commotion|siege|exception|alarm)", r"lockdowns?",
        r"laid down (?:their |its )?(?:arms|weapons)", r"(?:burned|burnt|destroyed|handed over|surrendered) (?:their |its )?(?:weapons|arms)", r"defect(?:ed|ion|ions|ors?)", r"conscription",
        r"reinforcements?", r"mass(?:ed|ing)", r"surrendered to (?:the )?(?:[\w-]+ ){0,3}(?:army|forces|troops|military|police|authorities)", r"troop build-?ups?", r"call(?:ed)? up (?:[\w,]+ )?reservists", r"reservists",
        r"sent (?:[\w,.-]+ ){0,5}(?:troops|soldiers|forces|battalions?|units?|compan(?:y|ies)|contingents?|paramilitar\w+|personnel|brigades?)",
        r"section 144", r"prohibitory orders?",
        r"arrival of (?:[\w,-]+ ){0,4}(?:troops|soldiers|elements|personnel|reinforcements|marines|paratroopers|guardsmen|agents)",
        r"(?:imposed|declared|ordered|announced) (?:a )?(?:\w+ )?ban on (?:public )?(?:gatherings|assemblies|protests|rallies|demonstrations)",
        r"dispatched", r"joined (?:the )?(?:rebels|militants|insurgents|islamic state|army|fight)",
        r"disband(?:ed)?", r"suspend(?:ed)? (?:operations|activities)", r"redeploy(?:ed|ment)?",
        r"(?:moved|moving) (?:\w+ ){0,2}(?:troops|forces|units)", r"stationed",
        r"(?:set(?:ting|s)? up|took up|taken up|taking up|dug|digging) (?:\w+ ){0,2}(?:defensive |firing |new )?positions",
        r"dug in", r"barricades (?:\w+ ){0,2}(?:went|were put|were erected|going) up",
        r"(?:troops|forces|military|army|soldiers|reinforcements|units|battalions) (?:had |have |has )?(?:arrived|landed) (?:at|in|on)",
        r"(?:troops|soldiers|reinforcements|battalions?) (?:(?!but |that |and |which |who )[\w-]+ ){1,6}?(?:had |have |has )?arrived (?:at|in|on)",
        r"bann(?:ed|ing|s) (?:all )?(?:public )?(?:gatherings|assemblies|protests|rallies|demonstrations|processions)", r"federali[sz]ed",
        r"arrived (?:at|on) the front ?lines?",
        r"(?:distribut|hand)(?:ed|ing|es) (?:out )?(?:[\w,-]+ ){0,3}(?:assault rifles|rifles|weapons|guns|firearms) to",
        r"distributed (?:[\w,-]+ ){0,3}(?:assault rifles|rifles|firearms)",
        r"(?:columns?|convoys?) of (?:[\w-]+ ){0,2}(?:armou?red vehicles|tanks|troops|military vehicles)(?:[^.;]{0,80}?)\b(?:moving|moved|rolling|rolled|heading|headed|advancing|crossing|crossed|entering|entered)",
    ],
    "DISRUPT": [
        r"defus(?:ed|e|ing)", r"made safe", r"render(?:ed|ing)? (?:[\w-]+ ){0,3}safe", r"disarm(?:ed)? (?:a |the |an )?(?:bomb|device|explosive)", r"bomb disposal",
        r"pulled (?:out )?the detonator", r"foil(?:ed|s)?", r"thwart(?:ed|s)?", r"avert(?:ed)?", r"intercept(?:ed|s|ion)?", r"shot down",
        r"downed", r"neutrali[sz]ed (?:\w+ ){0,3}(?:drones?|missiles?|bombs?|devices?)",
        r"(?:weapons|arms|ammunition|explosives|munitions) caches?", r"caches?",
        r"(?:seiz(?:ed|e|es|ing)|confiscated|recovered|found|discovered|uncovered|dismantled|turned up) (?:[\w,-]+ ){0,5}(?:weapons|arms|firearms|ammunition|rifles|pistols|handguns|shotguns|explosives|guns|rounds|grenades?|launchers?|rockets|mortars|bombs?|explosive devices?|devices?|ieds?|landmines|arsenal|dynamite|detonators|bomb factory|bomb-making)",
        # The gap holds no arrest: "Assam Rifles and police arrested two men and recovered ..."
        # is an arrest and a seizure, each with its own verb.
        r"(?:weapons|arms|firearms|ammunition|explosives|rifles|pistols|guns|grenades|arsenal|caches?|bombs?|dynamite) (?:(?!arrest|detain|captur|apprehend)[\w,'-]+ ){0,12}(?:were |was |had been )?(?:seized|confiscated|recovered|found|discovered|uncovered)",
        r"confiscat(?:ed|ion)",
    ],
    "BASE": [
        r"(?:establish\w*|set(?:ting|s)? up|open(?:ed|s|ing)|buil[dt]\w*|construct\w*|creat\w*|mov(?:ed|es|ing)|relocat\w*|install\w*) (?:\w+ ){0,4}(?:bases?|headquarters|hq|outposts?|camps?|command (?:posts?|centres?|centers?)|garrison|airfields?|airstrips?|radars?|military infrastructure|training (?:camps?|centres?|facilities))",
        r"with (?:its |their )?headquarters in", r"headquartered in",
        r"set(?:ting|s)? up (?:a |an )?(?:new )?(?:[\w-]+ )?(?:military |forward )?(?:position|post|outpost)",
        r"(?:began|begun|started) operating from (?:a |an |the )?(?:new )?(?:[\w-]+ )?(?:post|base|outpost|camp|airfield)",
        r"(?:base|outpost|headquarters|post) (?:[\w’'-]+ ){0,8}(?:was|were) (?:inaugurated|opened|established|set up)",
        r"moved into (?:[\w-]+ ){0,3}(?:barracks|bases?|posts?|headquarters|garrison)",
        r"turned (?:the |a |an )?(?:[\w'’-]+ ){0,5}into (?:a |an |its |their )?(?:[\w-]+ )?(?:command (?:centre|center|post)|base|headquarters|barracks|military post)",
        r"establish(?:ed|es|ing)? (?:\w+ ){0,3}positions?",
        r"new (?:military )?(?:base|headquarters|outpost)",
        r"(?:built|constructed|erected) (?:\w+ ){0,3}(?:positions?|posts?|fortifications?)",
    ],
    "CRIME": [
        r"cartels?", r"drug (?:traffick\w+|lords?|gangs?|smuggl\w+|dealers?|bust|haul|seizure)", r"narco\w*",
        r"traffick(?:ers|ing|ed)", r"smuggl(?:ers|ing|ed)", r"gangs?(?:ters)?", r"extortion(?:ists?)?", r"mafia",
        r"organi[sz]ed crime", r"criminal (?:groups?|gangs?|networks?|organi[sz]ations?)", r"cocaine", r"heroin",
        r"methamphetamine", r"fentanyl", r"money laundering", r"hitmen", r"ransom", r"drug rings?", r"narcotics", r"anti-narcotics",
        r"(?:clandestine|drug|narcotics?|meth(?:amphetamine)?|cocaine) (?:[\w-]+ )?(?:laborator(?:y|ies)|labs?)",
        r"laborator(?:y|ies) for (?:[\w-]+ )?drugs", r"(?:criminal |crime )?syndicates?", r"tapped (?:a |an |the )?(?:[\w-]+ ){0,2}pipelines?", r"fuel theft", r"stolen (?:fuel|petrol|gasoline|diesel|crude)", r"scam (?:compounds?|centres?|centers?|operations?|hubs?)",
    ],
    "NATURAL": [
        r"earthquakes?", r"quakes?", r"flood(?:s|ing|ed|waters)?", r"cyclones?", r"hurricanes?", r"typhoons?",
        r"tornado(?:es)?", r"landslides?", r"mudslides?", r"droughts?", r"tsunamis?", r"volcan\w+", r"eruption",
        r"wildfires?", r"forest fires?", r"bushfires?", r"(?<!to )storms?", r"monsoon", r"avalanches?", r"heat ?waves?",
        r"torrential rains?", r"(?:spilled|spilt|burst) (?:over )?(?:its |their |the )?(?:banks|dykes|dikes|levees)", r"heavy rains?", r"magnitude", r"tremors?(?! (?:from|of) (?:the |this |a )?(?:\w+ )?(?:war|invasion|conflict|crisis|attacks?|offensive|collapse|decision|vote))", r"freezing temperatures", r"cold (?:wave|snap|spell)",
    ],
    "MANMADE": [
        r"fire broke out", r"blaze", r"fire (?:tears|sweeps|rips|rages|tearing|sweeping|ripping|raging) through",
        r"(?:fuel |oil |gas )?tanker (?:[\w-]+ ){0,3}(?:exploded|blew up|caught fire)", r"fireworks? (?:factory|workshop|warehouse|depot|plant|store)", r"(?:fuel |oil |gas )?tanker (?:blast|explosion|fire)", r"caught fire", r"fire (?:tore|swept|ripped|raged) through", r"(?:huge|massive|large|major) fire", r"gas leak",
        r"(?:building|bridge|roof|mine|dam|wall|structure|tower|stadium|school|hotel|factory)s? (?:\w+ ){0,2}collaps(?:ed|es|e)",
        r"collapse of (?:a |an |the )?(?:\w+ ){0,2}(?:building|bridge|roof|mine|dam|tower|stadium|school|hotel|factory)",
        r"crash(?:ed|es)?", r"derail(?:ed|ment)", r"jumped the tracks", r"capsiz(?:ed|es)", r"(?:ferry|boat|vessel|ship|barge|canoe|dhow)s? (?:[\w-]+ ){0,8}(?:went down|sank)", r"stampede", r"overturned", r"turned turtle",
        r"plunged into (?:a |the )?(?:\w+ ){0,2}(?:gorge|river|ravine|canal|valley)", r"collided", r"collision", r"(?:gas )?cylinder (?:blast|explosion)",
        r"(?:oil|chemical|toxic) spills?", r"(?:gas|chemical|oil|ammonia|chlorine|radiation|toxic) leaks?", r"accident(?:al|ally|s)?",
        r"dam (?:burst|breach|collapse)", r"(?:industrial|factory|mine|refinery|plant|warehouse|fireworks) (?:fire|explosion|blast|disaster)",
        r"(?:fire|explosion|blast) (?:at|in) (?:a |an |the )?(?:\w+ ){0,2}(?:factory|plant|refinery|warehouse|mine|market|hospital|depot|port)",
    ],
    "CYBER": [
        r"cyber-?attacks?", r"cyber ?attacks?", r"hack(?:ed|ers|ing)", r"ransomware", r"ddos",
        r"denial-of-service", r"malware", r"cyber", r"internet (?:shutdown|blackout)",
        r"(?:cut|shut down|shut off|suspended|blocked) (?:off )?(?:mobile |phone |the )?(?:internet|phone lines|telecommunications)",
        r"(?:took over|defaced|hijacked) (?:the )?(?:official )?(?:website|web site|accounts?|servers?)",
    ],
    "OTHER": [
        r"annex(?:ed|ation)", r"(?:seized|taken|took|taking) power", r"suspended the constitution", r"referendum", r"escaped from (?:a |the )?(?:[\w-]+ ){0,3}(?:prison|jail|detention cent(?:re|er)|penitentiary)",
        r"(?:jail|prison)[- ]?breaks?", r"(?:offered|put|placed|announced) (?:a |an )?(?:[\w$-]+ ){0,3}(?:reward|bounty)", r"mass graves?", r"bodies (?:\w+ ){0,4}(?:found|discovered|uncovered|exhumed)",
        r"silenced (?:\w+ ){0,2}(?:channels?|media|newspapers?|journalists|stations?|websites?)", r"blinked off", r"sentenced", r"convicted",
        r"expelled (?:from|out)", r"blockade", r"poison(?:ed|ing)", r"jamm(?:ed|ing)", r"scuttled", r"(?:was|were) sunk",
        r"(?:outlaw(?:ed|s)|banned|proscribed) (?:the )?(?:\w+ ){0,4}(?:groups?|part(?:y|ies)|organi[sz]ations?|newspapers?|media|movements?)",
        r"dissolved (?:all )?(?:\w+ ){0,2}(?:part(?:y|ies)|parliament|assembly)", r"stripped (?:[\w’'-]+ ){1,8}of its (?:registration|legal status|licen[cs]e)",
        r"shut down (?:the )?(?:\w+ ){0,3}(?:newspapers?|stations?|channels?|media|outlets?|internet)", r"suspend (?:its )?publication", r"taken off (?:the )?air",
    ],
}


@dataclass(frozen=True)
class TriggerHit:
    frame: str
    start: int          # relative to the text searched
    end: int
    text: str


def _alt(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(frame, re.compile(rf"(?<![\w-])(?:{_alt(pats)})(?![\w])", re.IGNORECASE))
            for frame, pats in LEXICON.items()]


@lru_cache(maxsize=1)
def _any() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alt([p for pats in LEXICON.values() for p in pats])})(?![\w])",
                      re.IGNORECASE)


def has_trigger(text: str) -> bool:
    """Cheap test: does the text hold any trigger word at all?"""
    return _any().search(text) is not None


_META = set("()[]{}?*+|\\.^$")


def _split_top(alts: str) -> list[str]:
    """Top-level alternatives of a group body ("a(?:b|c)|d" -> ["a(?:b|c)", "d"])."""
    out, depth, cur = [], 0, []
    i = 0
    while i < len(alts):
        ch = alts[i]
        if ch == "\\":
            cur.append(alts[i:i + 2])
            i += 2
            continue
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _close(p: str) -> int:
    """Index of the parenthesis closing the group that opens ``p``."""
    depth = 0
    i = 0
    while i < len(p):
        if p[i] == "\\":
            i += 2
            continue
        depth += p[i] == "("
        depth -= p[i] == ")"
        if depth == 0:
            return i
        i += 1
    return len(p) - 1


def _lead_literals(pattern: str, inner: bool = True) -> Optional[set[str]]:
    """Lower-cased literal openings (three letters or more) one of which every match of
    ``pattern`` starts with, or None where no such test can be read off the pattern."""
    tops = _split_top(pattern)
    if len(tops) > 1:                                # "a|b" at the top: either may match
        found: set[str] = set()
        for alt in tops:
            lits = _lead_literals(alt, inner)
            if lits is None:
                return None
            found |= lits
        return found
    p = pattern
    while p.startswith(("(?<!", "(?<=")):          # look-behinds match no text
        p = p[_close(p) + 1:]
    if p.startswith("(?:"):
        j = _close(p)
        if p[j + 1:j + 2] in ("?", "*", "{"):
            return _inner_literal(p) if inner else None                 # the whole group may be absent
        found: set[str] = set()
        for alt in _split_top(p[3:j]):
            lits = _lead_literals(alt, inner)
            if lits is None:
                return _inner_literal(p) if inner else None
            found |= lits
        return found
    out = []
    for i, ch in enumerate(p):
        if ch in _META:
            break
        if i + 1 < len(p) and p[i + 1] in "?*{":
            break                                    # this character is optional
        out.append(ch)
    lit = "".join(out).lower()
    return {lit} if len(lit) >= 3 else (_inner_literal(p) if inner else None)


def _past_quantifier(p: str, i: int) -> int:
    """Index after a quantifier ("?", "*", "+", "{m,n}", each maybe lazy) at ``i``, if any."""
    if i < len(p) and p[i] == "{":
        i = p.index("}", i) + 1
    elif i < len(p) and p[i] in "?*+":
        i += 1
    if i < len(p) and p[i] == "?":
        i += 1
    return i


def _inner_literal(p: str) -> Optional[set[str]]:
    """A literal run (three letters or more) that every match holds somewhere, read from the
    pattern's top level with its groups, classes and optional characters taken out:
    "(?:been |was )?lost to" -> "lost to"."""
    pieces, cur, i = [], [], 0
    groups: list[set[str]] = []            # literal openings of required groups
    while i < len(p):
        ch = p[i]
        if ch == "(":
            j = i + _close(p[i:])
            k = _past_quantifier(p, j + 1)
            if k == j + 1 and p.startswith("(?:", i):
                inner = _lead_literals(p[i:j + 1], inner=False)
                if inner:
                    groups.append(inner)
            i = k
            pieces.append("".join(cur))
            cur = []
            continue
        if ch == "[" or ch == "\\" or ch in "^$.|":
            pieces.append("".join(cur))
            cur = []
            i += 2 if ch == "\\" else 1
            if ch == "[":
                while i < len(p) and p[i] != "]":
                    i += 1
                i += 1
            i = _past_quantifier(p, i)
            continue
        if i + 1 < len(p) and p[i + 1] in "?*{":
            pieces.append("".join(cur))
            cur = []
            i = _past_quantifier(p, i + 1)
            continue
        if ch in "+":
            i += 1
            continue
        cur.append(ch)
        i += 1
    pieces.append("".join(cur))
    best = max((q.strip().lower() for q in pieces), key=len, default="")
    if len(best) >= 3:
        return {best}
    return max(groups, key=lambda g: min(map(len, g)), default=None)


@lru_cache(maxsize=1)
def _gates() -> list[Optional[tuple[str, ...]]]:
    """For each frame, substrings one of which every match contains (None: no cheap test).
    Scanning ~30 frame patterns over every sentence is the costly part of detection; most
    frames' words are absent from most sentences, which a substring test tells at C speed."""
    out: list[Optional[tuple[str, ...]]] = []
    for pats in LEXICON.values():
        lits = [_lead_literals(p) for p in pats]
        out.append(None if any(lit is None for lit in lits) else tuple(sorted(set().union(*lits))))
    return out


# A word or two in scare quotes: 'had "neutralised" 50 terrorists'.
SCARE_QUOTES = re.compile(r"[\"“]([\w-]+(?:\s[\w-]+)?)[\"”]")


def _unquoted(text: str) -> tuple[str, Optional[list[int]]]:
    """``text`` with a quoted verb read as the verb, and where each kept character sat (None:
    unchanged). A quoted label stays quoted: 'said the strike was "terrorism"' names no act."""
    cut: set[int] = set()
    for m in SCARE_QUOTES.finditer(text):
        if m.group(1).lower().endswith("ed"):
            cut.update((m.start(), m.end() - 1))
    if not cut:
        return text, None
    where = [i for i in range(len(text)) if i not in cut]
    return "".join(text[i] for i in where), where


def scan(text: str, gated: bool = True) -> list[tuple[str, int, int]]:
    """(frame, start, end) of every pattern match; ``gated`` skips frames none of whose
    literal words occur (the same result, faster)."""
    out = []
    low = text.lower()
    folding_plain = len(low) == len(text)        # see dates._folding_is_plain: "İ" lowers to two
    for (frame, rx), gate in zip(_compiled(), _gates()):
        if gated and gate is not None and folding_plain and not any(g in low for g in gate):
            continue
        out.extend((frame, m.start(), m.end()) for m in rx.finditer(text))
    return out


def find(text: str) -> list[TriggerHit]:
    """All trigger hits in ``text``, longest first where two frames claim overlapping words."""
    plain, where = _unquoted(text)
    hits: list[TriggerHit] = []
    for frame, s, e in scan(plain):
        if where is not None:
            s, e = where[s], where[e - 1] + 1
        hits.append(TriggerHit(frame, s, e, text[s:e]))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return hits


def iter_frames(text: str) -> Iterator[str]:
    seen: set[str] = set()
    for h in find(text):
        if h.frame not in seen:
            seen.add(h.frame)
            yield h.frame


# What police fire at a crowd without lethal intent: "fired tear gas at", "fired warning shots".
LESS_LETHAL = r"(?:tear|water|rubber|pepper|stun|warning|smoke|flash)"


# Sentence cues the typer weighs beside the trigger: weapons, actors and targets.
CUES: dict[str, list[str]] = {
    "air": [r"air ?strikes?", r"air ?raids?(?! (?:sirens?|alerts?|alarms?|warnings?|shelters?|signals?)\b)", r"warplanes?", r"(?:fighter |military )?jets?", r"aircraft",
            r"helicopters?", r"gunships?", r"drones?", r"uavs?", r"bombers?", r"air force", r"aerial",
            r"from the air", r"barrel bombs?", r"shaheds?", r"sorties?", r"su-\d+", r"tu-\d+", r"f-\d+",
            r"bayraktar", r"quadcopters?", r"air-launched", r"kamikaze",
            r"(?:guided|glide|gliding|aerial|air-dropped|unguided|laser-guided) (?:aerial )?bombs?", r"kabs?",
            r"bombs (?:fell|rained|were dropped)", r"dropped (?:\w+ ){0,2}bombs"],
    "shell": [r"(?<!gas )shell(?:s|ed|ing)?", r"artillery", r"mortars?", r"rockets?", r"missiles?", r"bombard\w*",
              r"howitzers?", r"grads?", r"mlrs", r"multiple[- ]rocket", r"iskanders?", r"kalibrs?", r"himars",
              r"tank fire", r"tanks? (?:pounded|shelled|fired (?:on|at|into))", r"(?:heavy|big) guns", r"projectiles?", r"cluster munitions", r"katyushas?", r"barrages?", r"salvos?",
              r"s-300s?", r"tochka", r"smerch", r"uragan", r"(?:russian|ukrainian|israeli|enemy|hostile|indirect) fire"],
    "remote": [r"ieds?", r"improvised explosive", r"roadside bombs?", r"landmines?", r"(?:anti-tank |anti-personnel |land |sea )?mines?",
               r"car[- ]bombs?", r"vbieds?", r"explosive devices?", r"booby[- ]trap\w*", r"bomb (?:blast|attack|exploded|went off)",
               r"planted (?:\w+ ){0,2}(?:bombs?|explosives?|devices?)", r"sabotage\w*", r"blown up", r"blew up",
               r"(?:motorcycle|bicycle|parcel|letter|sticky|magnetic|time|pipe) bombs?", r"bombs?", r"explosives?",
               r"detonated", r"partisans?", r"work of saboteurs"],
    "suicide": [r"suicide", r"blew (?:himself|herself|themselves) (?:up|apart)", r"self-detonat\w*", r"explosive (?:vests?|belts?)"],
    "grenade": [r"(?<!rocket-propelled )(?<!stun )(?<!rocket propelled )grenades?(?! launchers?)",
                r"(?:threw|thrown|throwing|hurled|hurling|lobbed|tossed|flung|flinging) (?:[\w-]+ ){0,2}(?:bombs?|explosives?|explosive devices?|firebombs?)"],
    "chem": [r"chemical (?:weapons?|attacks?|agents?|munitions)", r"chlorine", r"sarin", r"mustard gas",
             r"nerve[- ](?:agent|gas)", r"toxic (?:gas|chemicals?|agents?)", r"poison(?:ous)? gas", r"gas attacks?",
             r"opcw", r"novichok", r"vx", r"chloropicrin", r"phosgene", r"smell of (?:bleach|chlorine)",
             r"(?:carrying|containing|filled with) (?:an? )?(?:unidentified |unknown |toxic |poisonous |[A-Z]{2,3} )?(?:chemical|gas)\b"],
    "intercept": [r"intercept\w*", r"shot down", r"downed", r"air defen[cs]es?", r"destroyed (?:\w+ ){0,3}(?:drones|missiles) (?:in|before)"],
    "armed": [r"troops", r"forces", r"soldiers?", r"army", r"military", r"militants?", r"rebels?", r"fighters",
              r"insurgents?", r"jihadists?", r"gunmen", r"militias?", r"militiamen", r"paramilitar\w+",
              r"guerrill?as?", r"separatists?", r"taliban", r"islamic state", r"isis", r"isil", r"daesh",
              r"al[- ]shabaa?b", r"boko haram", r"al[- ]qaeda", r"hamas", r"hezbollah", r"pkk", r"ypg", r"sdf",
              r"marines", r"battalions?", r"brigades?", r"units?", r"regiments?", r"commandos?", r"special forces",
              r"terrorists?", r"bandits", r"armed (?:men|group|groups)", r"police", r"policemen", r"officers",
              r"wagner", r"mercenar\w+", r"combatants?", r"mujahideen", r"houthis?", r"janjaweed", r"rsf", r"m23",
              r"national guard", r"gendarmes?", r"security personnel", r"positions?", r"convoys?", r"checkpoints?",
              r"garrison", r"tanks?", r"armou?red vehicles?", r"military (?:base|post|vehicles?)"],
    "military_target": [r"soldiers", r"troops", r"paramilitar\w*", r"(?:security|military|armed|police) force", r"positions?", r"military (?:base|post|posts|convoy|vehicles?|targets?|facilities)",
                        r"checkpoints?", r"(?<!aid )(?<!humanitarian )(?<!relief )(?<!food )convoys?(?! (?:carrying|of|with|transporting) (?:\w+ )?(?:aid|food|relief|humanitarian|civilians|refugees|evacuees))", r"bases?", r"barracks", r"army", r"policemen", r"police (?:station|post|officers)",
                        r"militants?", r"rebels?", r"fighters", r"insurgents?", r"jihadists?", r"forces", r"outposts?",
                        r"garrison", r"tanks?", r"security (?:forces|personnel)", r"command (?:post|centre|center)",
                        r"ammunition (?:depot|dump)s?", r"depots?"],
    "state": [r"government (?:forces|troops)", r"regime (?:forces|troops)", r"pro-regime", r"regime", r"(?:national |regular )?army", r"security forces",
              r"military", r"police", r"soldiers", r"troops", r"armed forces", r"defen[cs]e forces", r"pro-government",
              r"loyalist", r"national guard", r"gendarmerie", r"federal forces", r"marines"],
    "nonstate": [r"rebels?", r"militants?", r"insurgents?", r"jihadists?", r"islamic state", r"isis", r"isil", r"daesh",
                 r"al[- ]shabaa?b", r"boko haram", r"taliban", r"al[- ]qaeda", r"separatists?", r"militias?",
                 r"gunmen", r"guerrill?as?", r"terrorists?", r"extremists?", r"opposition (?:forces|fighters|groups?)",
                 r"armed groups?", r"bandits", r"rebel-held", r"militant-held", r"insurgent-held", r"houthis?", r"m23",
                 r"hts", r"al-nusra", r"nusra", r"isis-held", r"jihadist-held", r"ypg", r"sdf", r"pkk", r"fighters", r"-backed (?:fighters|forces|militias?|rebels)",
                 r"kurdish (?:fighters|forces|militias?)", r"free syrian army", r"fsa", r"farc", r"eln", r"shining path", r"hamas", r"hezbollah", r"wagner"],
    "civilians": [r"civilians?", r"villagers?", r"aid (?:workers?|convoys?|trucks?|lorries)",
                  r"convoys? (?:carrying|of|transporting) (?:\w+ )?(?:aid|food|relief|humanitarian)", r"residents?", r"worshipp?ers", r"pupils", r"students?", r"children",
                  r"women", r"passengers", r"shoppers", r"farmers?", r"workers", r"journalists?", r"aid workers?",
                  r"teachers?", r"pilgrims", r"families", r"family", r"wedding", r"funeral", r"mourners", r"unarmed", r"\d+-year-old", r"teenagers?", r"babies", r"infants?", r"civil defen[cs]e",
                  r"market", r"mosque", r"church", r"school", r"hospital", r"homes?", r"houses?", r"people",
                  r"man", r"woman", r"boy", r"girl", r"elderly", r"doctors?", r"nurses?", r"medics", r"traders",
                  r"herders", r"refugees", r"displaced", r"priest", r"imam", r"bystanders", r"motorists", r"commuters",
                  r"drivers?", r"shopkeepers?", r"vendors?", r"merchants?", r"businessm[ae]n", r"fishermen", r"miners",
                  r"labou?rers", r"herdsmen", r"villages?", r"vaccinators?", r"health workers?",
                  r"engineers?", r"contractors?", r"employees", r"volunteers?", r"lawyers?", r"clerics?",
                  r"tourists", r"elders", r"humanitarian",
                  r"residential", r"apartment", r"kindergarten", r"theatre", r"theater", r"shopping", r"community",
                  r"hotel", r"restaurant", r"caf[eé]", r"bar", r"nightclub", r"mall", r"bus", r"train", r"shop", r"stores?",
                  r"ambulances?", r"paramedics?", r"passenger", r"convoys? of (?:passenger|civilian)", r"red crescent", r"red cross", r"car wash", r"billiards? hall",
                  r"taxis?", r"minibus", r"clinic", r"pharmacy", r"customers"],
    "protesters": [r"protest(?:ers|ors|s)?", r"demonstrat(?:ors|ions?)", r"marchers", r"rally", r"crowds?", r"activists",
                   r"strikers", r"students", r"sit-in", r"picket"],
    "police": [r"police", r"policemen", r"riot (?:police|officers)", r"security forces", r"officers", r"troops", r"forces", r"snipers?",
               r"soldiers", r"gendarmes?", r"national guard", r"authorities", r"law enforcement"],
    "mob": [r"mobs?", r"angry (?:crowd|villagers|residents)", r"vigilantes?", r"villagers", r"residents", r"crowds?",
            r"lynch\w*", r"(?:communal|sectarian|ethnic|religious) (?:clashes|violence|tensions)", r"(?:hindu|muslim|christian) (?:and|groups|youths)",
            r"youths", r"locals", r"rival (?:groups|communities|clans|villagers)", r"clans?", r"tribesmen", r"supporters", r"settlers"],
    "riot": [r"riot\w*(?! (?:police|officers|gear|squads?|control|units?))", r"firebombs?", r"stones?", r"rocks", r"bricks", r"petrol bombs?", r"molotov", r"torch(?:ed|ing)", r"set (?:\w+ ){0,4}(?:on )?fire",
             r"set ablaze", r"vandali\w+", r"looted", r"smash(?:ed|ing)", r"clashed with (?:police|security)", r"burn(?:ed|ing|t) (?:\w+ ){0,2}(?:tyres|tires|cars|vehicles|buildings)",
             r"stormed", r"attacked (?:police|officers)", r"injuring (?:\w+ ){0,2}(?:police|officers)", r"violent", r"pelted", r"ransack\w*"],
    "intervention": [r"dispers(?:ed|e|ing)", r"broke up", r"broken up", r"tear ?gas", r"water cannons?", r"rubber bullets",
                     r"batons?", r"stun grenades?", r"pepper spray", r"arrest(?:ed|s)?", r"detain(?:ed|s)?", r"cracked down",
                     r"crackdown", r"charged", r"beat(?:en|ing)?", r"clubbed", r"rounded up", r"forcibly removed", r"cleared",
                     r"removed (?:\w+ ){0,4}(?:protesters|demonstrators|activists|students|parents|people|them)", r"took (?:\w+ ){0,4}into custody"],
    "lethal": [r"kill(?:ed|ing|s)?", r"shot (?:dead|and killed)", r"live (?:ammunition|rounds|fire)", r"opened fire",
               r"fired (?:on|at|into) (?:the )?(?:crowd|protesters|demonstrators)", r"dead", r"died", r"deaths?",
               r"massacre\w*", r"gunned down", r"severely beaten", r"beaten to death", r"shot",
               r"fired (?!(?:\w+ ){0,3}?" + LESS_LETHAL + r")(?:\w+ ){0,3}(?:on|at|into)", r"fired (?:their |live )?(?:guns|weapons|rifles|shots)", r"brutal(?:ly)? beat\w*", r"brutal\w* (?:dispersal|crackdown)"],
    "drugs": [r"drugs?", r"cocaine", r"heroin", r"methamphetamine", r"meth", r"fentanyl", r"marijuana", r"cannabis",
              r"narcotics?", r"opium", r"captagon"],
    "weapons_obj": [r"weapons?", r"arms", r"ammunition", r"rifles?", r"guns?", r"explosives?", r"rounds", r"munitions",
                    r"grenades?", r"rockets?", r"mortars?", r"ieds?", r"bombs?", r"devices?", r"cache", r"stockpiles?"],
    "accident": [r"accident\w*", r"fire broke out", r"(?:stove|kitchen|cooking|electrical|candle|house|heater) fires?", r"blaze", r"caught fire", r"gas (?:leak|cylinder|explosion)", r"short circuit",
                 r"faulty", r"(?:factory|plant|refinery|warehouse|mine|pipeline|chemical plant|fireworks) (?:fire|explosion|blast)",
                 r"collapse\w*", r"crash\w*", r"derail\w*", r"capsiz\w*", r"stampede", r"leak\w*", r"spill\w*",
                 r"explosion at (?:a |an |the )?(?:\w+ ){0,2}(?:factory|plant|refinery|warehouse|mine|port|depot)",
                 r"cause (?:of the|is|was) (?:\w+ ){0,3}(?:unknown|investigat\w+|unclear)", r"negligence"],
    "people_obj": [r"people", r"civilians", r"villagers", r"men", r"women", r"children", r"students", r"girls", r"boys",
                   r"passengers", r"workers", r"residents", r"journalists?", r"hostages", r"tourists", r"nationals",
                   r"foreigners", r"aid workers?", r"members", r"officials?", r"persons", r"individuals", r"soldiers",
                   r"man", r"woman", r"boy", r"girl", r"child", r"person", r"teenager", r"alias",
                   r"suspects?", r"financiers?", r"leaders?", r"commanders?", r"ringleaders?", r"kingpins?",
                   r"bosses", r"boss", r"chiefs?", r"fugitives?", r"smugglers?",
                   r"traffickers?", r"operatives?", r"deputy", r"lieutenants?"],
    "forces_obj": [r"forces", r"troops", r"fighters", r"militants", r"rebels", r"soldiers", r"units", r"army"],
    "history": [r"\bin (?:the )?(?:19|20)\d\d\b", r"decades? ago", r"years ago", r"world war", r"in the (?:19|20)\d0s",
                r"back in (?:19|20)\d\d"],
}


@lru_cache(maxsize=1)
def _cue_rx() -> dict[str, re.Pattern[str]]:
    return {k: re.compile(rf"(?<![\w-])(?:{_alt(v)})(?![\w])", re.IGNORECASE) for k, v in CUES.items()}


def cue(name: str, text: str) -> bool:
    return _cue_rx()[name].search(text) is not None


def cue_spans(name: str, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _cue_rx()[name].finditer(text)]


def cues(text: str) -> frozenset[str]:
    """Names of all cue groups present in ``text``."""
    return frozenset(k for k, rx in _cue_rx().items() if rx.search(text))
