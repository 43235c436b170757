"""Word lists the gazetteer builder and the toponym resolver share.

``COMMON_WORDS``: lowercase English words that are also place names somewhere (Of, Reading, Mobile,
Bath, Police, Nice ...). Made once by intersecting the capitalised GeoNames names (cities500, alternate
names included) with the lowercase entries of two English dictionaries, keeping words with a Zipf
frequency of at least 3.5 in a general English frequency list, dropping country names and a few dozen
famous places whose place sense dominates (Boston, Geneva, Tyre ...), adding weekdays, months and
function words. An alternate name in this list is dropped at build time; a primary name in it is kept
but needs locative context in the text before it counts as a place (see ``resolve``).
"""

from __future__ import annotations

COMMON_WORDS: frozenset[str] = frozenset(
    """
jan feb mar apr aug sep sept oct nov dec
holy daily light trooper steps farmers
abbey abs abu academy accord ace acre act add advance age agency ago aha aid aim air airport aka akin
ala alan ale alison all allan alley alliance alma along alpha alpine alt altar alter amber amelia amen
amp ana and angel anger angle ann anna ant anthem antique any apache apex april apt aquarium arc arcade
arch archer are area arena argentine ariel ark arm arrest arsenal art artillery as asbestos ash ask
assumption at ate atlantic atlas auburn auditorium august aura aurora awe axe axis aye baba bach bacon
bad bae bag bail bailey bake baker bale ball bam bamboo ban banana band bang bank banner banning bar
barber bare bark barker barking barn baron barry barton base basic basil basin bass bat bath batman
battle battlefield baxter bay be beach beacon bean bear beaver bed bee beer beg begun bell belle belt
ben bend benjamin bent berry best bet betting bias bid big bigger billed billy bin bingo bishop biting
blair blake blend blessing bliss bloom blossom bluff blur boil bolt bon bond bone boo book booker boom
boot booth border bore born borne bot bottom boulder boundary bourbon bow bowie bowling boy bra brad
brain brains brake branch brand brass bravo brewer brick bride bridge bright brilliant brit broadway
brock broke brook brown brush bud bug bullet bully bum bun burden burke burst burton bury bus bush bust
busy but butler butt butterfly buy by bye cab cache cage cal calcium caller cam came can canal cane
canon cant canton canyon cap car carbon care cargo caroline carpenter carry cash casino cast castle cat
cathedral cave cedar celebration cement center central centre century cha chair chamber chamberlain
champ champagne champion chance chandler chang change chap chapman charge chase chat chi chili chin
chocolate choir chop church circa circle cite citrus clark clay clever climax clint clive cloud coal
cobra cocoa cod col cole college collins colon colony coma combine come comet comfort commerce
commissioner commonwealth communal communism competition compound con conception concession concrete
cone congress conservation consolation constitution content contention contest continental control
conversion convoy cook cool cooling cooper cop cope coral corn corporation corpus cos cottage council
countryside course court cove cow coward cox crane crater creek crescent crest cricket crystal cube cue
culture cum cup curry cut dad daisy dale dalton dam dame damp dan dang dare darling das date dawn day
deal dean december dee deep deer del delay delta democrat den dent deposit desk dexter dial diamond dick
dickens die dig dim din dip dire dis discovery divide doc dock dodge dog dogs dollar dolphin dom dome
dominion don dong donna doom dot downside downtown drag drain drama drew driver drone drug drum dry dual
dub due dug duke dusty eagle ear earl early earnest earth eat echo economy effort egg ego elaine elbow
elf emblem emerald empire energetic energy engineer enter enterprise equality era essay eve ever excel
exchange exhibition experiment export eye factor faith falcon fall fam far fare fat fate february
federal federation fell fertile fig fin finale fiscal fisher flashing flee fleet flesh fletcher flint
flora fly fog for force ford fore foreman forest forge forth fortune fossil foster fountain four fowler
fox franco frank franklin freedom freeman friday friend friendly friendship from front frost fry fully
fun furnace gal gala gale gaming gamma gang gap garden garner garrison gas gateway gay gaze gee gel gem
gen geo german get gilbert gill gin give glad glen globe glove god goes going gold golden golf gone
gonna goodman goodwill gore gosh gossip got grab grace grad graham grain gram grand grandson granite
grant grass grave gray green grenade griffin grill grim grin groom gross grove guessing guide guru gut
guy gym had hail hair hale halfway hall ham hamlet hammer han hank hanna happy harbor hard harden hardy
harmony harper hart harvest hat hatch haul haven hay hazard headquarters healing heath heather hector
heel hell henry her herald heritage hero hey highland hill hire hit hog holden holder hole holiday holly
holt home homeland homer hometown honey hong hood hook hooker hoover hop hope horn hose hospital hot
hour howe hub hug huh hull hum human humble hunt hunting hurricane hurt hut hydro ideal ill imperial in
independence industry ink inland inn inning ion irene iron is island isle iso ivy jack jade jam january
jar jasper jaw jay jean jenny job joe joy july junction june junior jury just justice kai kang karma kat
keen kelly ken kent kerry key khan kid kill kim kin king kissing kit kite knock kung kyle lab label
labor lad lafayette lag lake lambert lame lan landing landmark lane lap las laser laura laurel law lawn
lax lay lazy lea lead leader lean led lee leg legacy lemon lend lender lens lent let level lever levy
lewis liberal liberation liberty licking lid lie liking lime limestone limit lin line linen ling lion
lip list lit lively lizard lock locking log logo logos lone long look lookout loop loose loss lot loving
low loyal luck lucky lucy luna lung lure lush lynch mack mad madam made mae mag magazine magnet maiden
mailing major make mal male mall man manage manga mango manly manning manor mansion many mao mar
marathon marble marc march marco mare maria marina marine mark market marrow marsh marshal mart martin
marvel mary mas mascot mason massacre mat mate maximum maxwell may maya maze meadow mechanic media mel
men mentor mercury mercy mere merit mess messy met meta metal meter metropolis mid midfield midway mil
mile mill miller milo min mind mine miner mining minister minor mission mob mobile model modern mold
mole mon mona monday monster monte monument moody moon moral more morgan mormon morris morse mosquito
moss most mound mountain much mud muddy mug mum murphy muse mustang mystic nam name nana nancy nap
napoleon nash nat naval nearest needle needles nelson neo neon nest net never newborn newton nice nine
noble nod noel noisy non none nor normal norman north northeast northwest nose not nova november nut oak
oasis occasion october of off officer oil okay old omega on one ons onset opera opportunity or oracle
oral orange orchard ore oriental our out outer outlook over oversee owe pablo pace pacific pack pact pad
page paint painter pal pale palmer pan panda panic papa paper par para parachute paradise paramount
parent park parker parole passage pasta paste pat patrol pavilion pea peace pearl peculiar pedro peel
peer pen pencil penguin peninsula per perry pest pet phi phone piano pier pierce pig pigeon pike pile
piles pill pin pinch pine pink pioneer pit plain plan plantation plaque plate plateau plaza pleasant
plenty plum plus pod point pole police poll polling polo pond pool pop pope popular port portal porter
possession post postal pot pound pray prey price prince principal pro progress prospect prosperity
prosperous proven pub puck pun punch pup purchase pure put pyramid quarter quo race rag rail rain
rainbow raj ram ran rand random ranger rap rapid rash rat rate raven raw ray reach reading real record
recovery red redemption reform reg reliance rep reps republic research reserve reservoir rest retreat
rev rex rib rice rich rid ride rider ridge riding rifle rig riley rim ring rio ripe rise risen riverside
road rob robe rock rod rode root rose rosemary ross rot rouge row royal rude rue rule rum run rush rust
rye sac sack sad saga said sail sake sale sally salmon salon salt salute sam same san sand sanders
sandstone sandwich sandy sane sap sat saturday sauce saunders savage save say scenic scissors sea
seaside sec secretary section sector sedan see seem seen sell semi sen send sent september servant set
seth settle seven sex shaft shale shape shaping share shaw she shell shepherd sherlock shin shore shot
shove shut shy sic side sierra sigma silly silva sin since sing singer sip sir sis sit six sixteen ski
skull sky slap slaughter slide slope smile smith snow sober soda sol sole solo son song sophia sore sort
soul sour soy spa sparks spencer spike split spoken spray spring springer spur spy sri stall stamp
staple star stark start station steep stein stella sterling stern still stock stoke stone store story
strand straw strawberry street strong sub success sue sultan summer summit sun sunday sung sunrise
sunset sunshine sup superior supreme sur surf surprise swallow swamp swan sway sweet switch tab tactic
tad tae tag taking tale talent tales tall tame tan tango tank tanner tap tape tapping taps tar tara
tasty tate tavern tea ted tee tell temple ten tender tent terminal terrace terry tha than the them
thermal thursday thy tie tiffany til till tilt time timer tin tip tire to toast toe toll tom ton tone
tongue too tool top tor tore torn tornado tour tow tower toy trail train trainer transit trap tray tree
trial triangle tribune trim trinity trio trip triumph troll troy try tsunami tub tube tucker tuesday
tuna tune turbo turn turner twin twist union unity university used usher vale valentine valley van
varsity vary vase vat vera vest veteran veto via vice victor victory viking villa vincent vine vineyard
viola violet virgin visa vista vita vogue vol volcano wa wade wake walk walker wall walnut walsh walter
wan wang wanna war ward warden ware warner warren warrior wary was waterfront waterproof watt wave wax
ways weaver weber webster wed wedding wednesday weed week weir welcome well welsh were west western
wheeler white whites wilderness willow win wing winner wise with woodland wool worth wow wright wrist
yale yan yang yea yen yes yet yoga young zero zone zoo
""".split()  # noqa: SIM905 - a word list reads best as words
)

#: Nationality adjectives and plural nouns with the place they refer to ("Syrian" -> Syria). In the
#: geoparsing corpora (LGL, TR-News, GeoWebNews) these are adjectival toponyms; for events they never
#: locate anything. Format: ``Adjective[/Plural...]: Place`` per line.
_DEMONYM_TABLE = """
Afghan/Afghans: Afghanistan
Albanian/Albanians: Albania
Algerian/Algerians: Algeria
American/Americans: United States
Angolan/Angolans: Angola
Argentine/Argentinian/Argentines/Argentinians: Argentina
Armenian/Armenians: Armenia
Australian/Australians: Australia
Austrian/Austrians: Austria
Azerbaijani/Azerbaijanis/Azeri/Azeris: Azerbaijan
Bahraini/Bahrainis: Bahrain
Bangladeshi/Bangladeshis: Bangladesh
Belarusian/Belarusians: Belarus
Belgian/Belgians: Belgium
Bolivian/Bolivians: Bolivia
Bosnian/Bosnians: Bosnia and Herzegovina
Brazilian/Brazilians: Brazil
British/Briton/Britons: United Kingdom
Bulgarian/Bulgarians: Bulgaria
Burkinabe: Burkina Faso
Burmese: Myanmar
Burundian/Burundians: Burundi
Cambodian/Cambodians: Cambodia
Cameroonian/Cameroonians: Cameroon
Canadian/Canadians: Canada
Chadian/Chadians: Chad
Chilean/Chileans: Chile
Chinese: China
Colombian/Colombians: Colombia
Congolese: Democratic Republic of the Congo
Costa Rican/Costa Ricans: Costa Rica
Croatian/Croatians/Croat/Croats: Croatia
Cuban/Cubans: Cuba
Cypriot/Cypriots: Cyprus
Czech/Czechs: Czechia
Danish/Dane/Danes: Denmark
Dominican/Dominicans: Dominican Republic
Dutch: Netherlands
Ecuadorian/Ecuadorians: Ecuador
Egyptian/Egyptians: Egypt
Emirati/Emiratis: United Arab Emirates
English: England
Eritrean/Eritreans: Eritrea
Estonian/Estonians: Estonia
Ethiopian/Ethiopians: Ethiopia
Filipino/Filipinos/Philippine: Philippines
Finnish/Finn/Finns: Finland
French: France
Georgian/Georgians: Georgia
German/Germans: Germany
Ghanaian/Ghanaians: Ghana
Greek/Greeks: Greece
Guatemalan/Guatemalans: Guatemala
Guinean/Guineans: Guinea
Haitian/Haitians: Haiti
Honduran/Hondurans: Honduras
Hungarian/Hungarians: Hungary
Icelandic/Icelander/Icelanders: Iceland
Indian/Indians: India
Indonesian/Indonesians: Indonesia
Iranian/Iranians: Iran
Iraqi/Iraqis: Iraq
Irish: Ireland
Israeli/Israelis: Israel
Italian/Italians: Italy
Ivorian/Ivorians: Ivory Coast
Jamaican/Jamaicans: Jamaica
Japanese: Japan
Jordanian/Jordanians: Jordan
Kazakh/Kazakhs/Kazakhstani: Kazakhstan
Kenyan/Kenyans: Kenya
Korean/Koreans: South Korea
North Korean/North Koreans: North Korea
South Korean/South Koreans: South Korea
Kosovar/Kosovars: Kosovo
Kuwaiti/Kuwaitis: Kuwait
Kyrgyz: Kyrgyzstan
Laotian/Laotians: Laos
Latvian/Latvians: Latvia
Lebanese: Lebanon
Liberian/Liberians: Liberia
Libyan/Libyans: Libya
Lithuanian/Lithuanians: Lithuania
Macedonian/Macedonians: North Macedonia
Malagasy: Madagascar
Malawian/Malawians: Malawi
Malaysian/Malaysians: Malaysia
Malian/Malians: Mali
Maltese: Malta
Mauritanian/Mauritanians: Mauritania
Mexican/Mexicans: Mexico
Moldovan/Moldovans: Moldova
Mongolian/Mongolians: Mongolia
Montenegrin/Montenegrins: Montenegro
Moroccan/Moroccans: Morocco
Mozambican/Mozambicans: Mozambique
Namibian/Namibians: Namibia
Nepali/Nepalese/Nepalis: Nepal
New Zealander/New Zealanders: New Zealand
Nicaraguan/Nicaraguans: Nicaragua
Nigerian/Nigerians: Nigeria
Nigerien/Nigeriens: Niger
Norwegian/Norwegians: Norway
Omani/Omanis: Oman
Pakistani/Pakistanis: Pakistan
Palestinian/Palestinians: Palestine
Panamanian/Panamanians: Panama
Paraguayan/Paraguayans: Paraguay
Peruvian/Peruvians: Peru
Polish/Pole/Poles: Poland
Portuguese: Portugal
Qatari/Qataris: Qatar
Romanian/Romanians: Romania
Russian/Russians: Russia
Rwandan/Rwandans: Rwanda
Salvadoran/Salvadorans: El Salvador
Saudi/Saudis: Saudi Arabia
Scottish/Scot/Scots: Scotland
Senegalese: Senegal
Serbian/Serbians/Serb/Serbs: Serbia
Sierra Leonean/Sierra Leoneans: Sierra Leone
Singaporean/Singaporeans: Singapore
Slovak/Slovaks/Slovakian: Slovakia
Slovenian/Slovenians/Slovene/Slovenes: Slovenia
Somali/Somalis: Somalia
South African/South Africans: South Africa
South Sudanese: South Sudan
Spanish/Spaniard/Spaniards: Spain
Sri Lankan/Sri Lankans: Sri Lanka
Sudanese: Sudan
Swedish/Swede/Swedes: Sweden
Swiss: Switzerland
Syrian/Syrians: Syria
Taiwanese: Taiwan
Tajik/Tajiks: Tajikistan
Tanzanian/Tanzanians: Tanzania
Thai/Thais: Thailand
Tunisian/Tunisians: Tunisia
Turkish/Turk/Turks: Turkey
Turkmen: Turkmenistan
Ugandan/Ugandans: Uganda
Ukrainian/Ukrainians: Ukraine
Uruguayan/Uruguayans: Uruguay
Uzbek/Uzbeks: Uzbekistan
Venezuelan/Venezuelans: Venezuela
Vietnamese: Vietnam
Welsh: Wales
Yemeni/Yemenis: Yemen
Zambian/Zambians: Zambia
Zimbabwean/Zimbabweans: Zimbabwe
European/Europeans: Europe
African/Africans: Africa
Asian/Asians: Asia
Latin American/Latin Americans: Latin America
Texan/Texans: Texas
Californian/Californians: California
Floridian/Floridians: Florida
Virginian/Virginians: Virginia
Ohioan/Ohioans: Ohio
Michigander/Michiganders: Michigan
Minnesotan/Minnesotans: Minnesota
Kentuckian/Kentuckians: Kentucky
Tennessean/Tennesseans: Tennessee
Alabamian/Alabamians: Alabama
Georgian/Georgians: Georgia
Chechen/Chechens: Chechnya
Dagestani/Dagestanis: Dagestan
Kashmiri/Kashmiris: Kashmir
Tibetan/Tibetans: Tibet
Darfuri/Darfuris: Darfur
Abkhaz/Abkhazian/Abkhazians: Abkhazia
South Ossetian/South Ossetians/Ossetian/Ossetians: South Ossetia
Crimean/Crimeans: Crimea
Gazan/Gazans: Gaza
Baghdadi: Baghdad
Londoner/Londoners: London
New Yorker/New Yorkers: New York
Parisian/Parisians: Paris
"""


def _demonym_places(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        words, _, place = line.partition(":")
        for word in words.split("/"):
            out.setdefault(word.strip(), place.strip())
    return out


#: Demonym -> the name of the place it refers to (first listed sense wins: "Georgian" -> Georgia).
DEMONYM_PLACES: dict[str, str] = _demonym_places(_DEMONYM_TABLE)

#: Ethnic and religious words with no single place: never toponyms.
_GROUPS = """
Arab Arabs Arabian Assyrian Assyrians Baluch Baloch Christian Christians Circassian Circassians Druze
Fulani Hazara Houthi Houthis Islamic Jewish Jew Jews Kurdish Kurd Kurds Muslim Muslims Pashtun Pashto
Persian Rohingya Shia Shiite Shiites Sunni Sunnis Tamil Tamils Tuareg Uyghur Uyghurs Yazidi Yazidis
Alawite Alawites Sahrawi Yoruba Hausa Igbo Tigrayan Amhara Oromo Bedouin Bedouins Turkmens Soviet
Catholic Catholics Protestant Protestants Orthodox Coptic Copts Hindu Hindus Sikh Sikhs Buddhist
Sinhalese Latino Latinos Hispanic Hispanics Anglo Celtic Slavic Nordic Scandinavian Balkan Caucasian
Westerners
"""

#: Nationality, ethnic and religious adjectives: never places themselves ("Syrian", "Russian").
DEMONYMS: frozenset[str] = frozenset(DEMONYM_PLACES) | frozenset(_GROUPS.split())


#: Surnames of public figures the news names daily: never a place, and the word before one is a
#: given name ("Vladimir Putin" is no Russian city of Vladimir).
PUBLIC_SURNAMES: frozenset[str] = frozenset(
    "Assad Obama Trump Putin Erdogan Biden Kerry Lavrov Rouhani Khamenei Nasrallah Baghdadi Jolani".split()  # noqa: SIM905
)
#: Words that gazetteers list as (alternate) place names but that war reporting uses for people,
#: months, weapons, institutions or regions without a point: never a toponym here ("the Gulf War",
#: "Gulf states": not Gulf Province of Papua New Guinea).
NON_PLACE_NAMES: frozenset[str] = frozenset(
    """
Assads
Ahmad Ahmed Mohammed Muhammad Mohammad Mahmoud Mustafa Hassan Hussein Ali Omar Umar Khalid Khaled Rahman
Abdel Abdul Abdullah Ibrahim Ismail Youssef Yusuf Salah Saleh Said Sayed George John Michael David Rami
Ramadan Eid Allah Islam Sharia Jihad Sarin Tomahawk Scud Grad Manar Mayadeen Jazeera Arabiya Sputnik
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Levant Middle East White House Pentagon Kremlin State Some Media Times Post Press Reuters AFP Gulf
Christmas Easter Passover Hanukkah Thanksgiving Halloween Olympic Olympics Jesus Christ God Lord
Xinhua Tass Interfax Anadolu Hamas Hezbollah Hizbollah Fatah Taliban Nusra Google Facebook Twitter
YouTube Instagram Metro Here
""".split()  # noqa: SIM905 - a word list reads best as words
) | {"Middle East", "White House", "State Department", "Security Council", "Red Crescent", "Red Cross"}
NON_PLACE_NAMES |= PUBLIC_SURNAMES
#: Words for a kind of place, never one place on their own ("Bloomfield Town Council", "The City
#: Council", "Whitestown Town Hall"), though a gazetteer lists a hamlet or a unit of the name.
NON_PLACE_NAMES |= frozenset(
    "Town Towns City Cities Village Villages Region Regions Lakes Rivers Highways Farms".split()  # noqa: SIM905
) | {"The City", "The Town", "The Village"}


def _abbreviations(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        for item in line.split(";"):
            abbreviation, _, place = item.partition("=")
            if place:
                out[abbreviation.strip()] = place.strip()
    return out


#: Abbreviations of countries and of US, Canadian and Australian states/provinces that are
#: unmistakable wherever they stand (AP style with dots, several letters): abbreviation -> the name
#: to look up. Country-level ones are looked up among countries only, the others among admin1 units.
ABBREVIATIONS: dict[str, str] = _abbreviations(
    """
U.S.=United States; U.S.A.=United States; USA=United States; US=United States; UK=United Kingdom
U.K.=United Kingdom; UAE=United Arab Emirates; U.A.E.=United Arab Emirates
DRC=Democratic Republic of the Congo
Ariz.=Arizona; Ark.=Arkansas; Calif.=California; Colo.=Colorado; Conn.=Connecticut; Fla.=Florida
Ky.=Kentucky; Mich.=Michigan; Minn.=Minnesota; Okla.=Oklahoma; Tenn.=Tennessee; Wyo.=Wyoming
N.H.=New Hampshire; N.J.=New Jersey; N.M.=New Mexico; N.Y.=New York; N.C.=North Carolina
N.D.=North Dakota; S.C.=South Carolina; S.D.=South Dakota; R.I.=Rhode Island; W.Va.=West Virginia
W.V.=West Virginia; W. Va.=West Virginia; D.C.=District of Columbia; B.C.=British Columbia
Alta.=Alberta; Sask.=Saskatchewan
Ont.=Ontario; Que.=Quebec; N.S.=Nova Scotia; N.B.=New Brunswick; P.E.I.=Prince Edward Island
Nfld.=Newfoundland and Labrador; NSW=New South Wales; Qld=Queensland
"""
)
#: State abbreviations that are also words, titles or other abbreviations ("Miss.", "Wash.", "Ind."):
#: a place only right after "Town, " (AP style: "Gainesville, Ga.").
AFTER_COMMA_ABBREVIATIONS: dict[str, str] = _abbreviations(
    """
Ala.=Alabama; Cal.=California; Del.=Delaware; Ga.=Georgia; Ill.=Illinois; Ind.=Indiana; Kan.=Kansas
Kans.=Kansas; La.=Louisiana; Md.=Maryland; Mass.=Massachusetts; Me.=Maine; Miss.=Mississippi
Mo.=Missouri; Mont.=Montana; Neb.=Nebraska; Nebr.=Nebraska; Nev.=Nevada; Ore.=Oregon; Pa.=Pennsylvania
Penn.=Pennsylvania; Tex.=Texas; Vt.=Vermont; Va.=Virginia; Wash.=Washington; Wis.=Wisconsin
Man.=Manitoba
AL=Alabama; AK=Alaska; AZ=Arizona; AR=Arkansas; CA=California; CO=Colorado; CT=Connecticut
DE=Delaware; DC=District of Columbia; FL=Florida; GA=Georgia; HI=Hawaii; ID=Idaho; IL=Illinois
IN=Indiana; IA=Iowa; KS=Kansas; KY=Kentucky; LA=Louisiana; ME=Maine; MD=Maryland; MA=Massachusetts
MI=Michigan; MN=Minnesota; MS=Mississippi; MO=Missouri; MT=Montana; NE=Nebraska; NV=Nevada
NH=New Hampshire; NJ=New Jersey; NM=New Mexico; NY=New York; NC=North Carolina; ND=North Dakota
OH=Ohio; OK=Oklahoma; OR=Oregon; PA=Pennsylvania; RI=Rhode Island; SC=South Carolina
SD=South Dakota; TN=Tennessee; TX=Texas; UT=Utah; VT=Vermont; VA=Virginia; WA=Washington
WV=West Virginia; WI=Wisconsin; WY=Wyoming; BC=British Columbia; ON=Ontario; QC=Quebec; AB=Alberta
"""
)
#: The full names of the US states and Canadian and Australian provinces and states that the
#: abbreviations above stand for (rule town-state: "Beaver, West Virginia").
STATE_NAMES: frozenset[str] = frozenset(
    v
    for v in {**ABBREVIATIONS, **AFTER_COMMA_ABBREVIATIONS}.values()
    if v
    not in {"United States", "United Kingdom", "United Arab Emirates", "Democratic Republic of the Congo"}
)
#: Abbreviations of cities (looked up among towns of the countries above).
CITY_ABBREVIATIONS: dict[str, str] = {
    "L.A.": "Los Angeles",
    "N.Y.C.": "New York City",
    "NYC": "New York City",
}
#: Abbreviations that stand for a country (looked up among countries).
COUNTRY_ABBREVIATIONS = frozenset(
    k for k, v in ABBREVIATIONS.items() if v in {"United States", "United Kingdom", "United Arab Emirates",
                                                  "Democratic Republic of the Congo"}
)  # fmt: skip
#: The countries whose state abbreviations the tables above hold: a state abbreviation is looked up
#: in these only.
ABBREVIATION_COUNTRIES = ("US", "CA", "AU")


#: A capitalised word after a place name that makes the whole a street's name ("Dublin Road").
STREETS: frozenset[str] = frozenset(
    """
Street St Avenue Ave Boulevard Blvd Road Rd Lane Ln Drive Dr Way Pike Parkway Pkwy Place Pl Court Ct
Terrace Circle Trail Highway Hwy Expressway Freeway Turnpike
""".split()  # noqa: SIM905 - a word list reads best as words
)


#: Words that end an organisation's name ("the Aleppo Media Center", "Laurel County Sheriff's Office"):
#: the place before them is the organisation's base.
ORGANISATION_WORDS: frozenset[str] = frozenset(
    """
Center Centre Council Office Department Dept University College School Academy Institute Hospital
Clinic Police Patrol Sheriff Sheriff's Sheriff’s Fire Committee Commission Company Corporation Corp Inc Ltd
Group Bank Times News Post Herald Tribune Journal Gazette Daily Press Observatory Museum Church
Mosque Foundation Association Society Club Party Front Army Brigade Brigades Battalion Forces Guard
Authority Agency Board Court Ministry Union League Federation Network Media Radio TV Television
Channel Airlines Airways Railway Energy Oil Motors Hotel Team Chamber Cathedral Temple Library Zoo
Coalition Movement Organization Organisation Service Services Council's Legislature Assembly
Parliament Senate Congress Government Administration Commissioners Schools District Declaration
Convention Accord Agreement Conference Summit Festival Fair Marathon Review Record Star Sun Observer
Telegraph Chronicle Courier Bulletin Examiner Express Register Republican Democrat Times' Stars
Giants Rangers Lions Tigers Bears Cardinals Eagles Bulls Kings Jets Colts Pirates Reds Orioles
Raiders Hawks Heat Magic Thunder Storm Wildcats Bulldogs Cowboys Redskins Yankees Mets Dodgers Cubs
Packers Steelers Saints Patriots
""".split()  # noqa: SIM905 - a word list reads best as words
)


#: Offices held for a place ("Fargo Mayor Dennis Walaker", "Minnesota Governor Tim Pawlenty",
#: "U.S. Attorney"): the place before them is a toponym, the person's jurisdiction.
OFFICES: frozenset[str] = frozenset(
    """
Mayor Governor Gov Attorney Sheriff Senator Sen Rep Representative President Minister Premier
Secretary Ambassador Chief Commissioner Councilman Councilwoman Councillor Judge Superintendent
Director Coach Consul Envoy Delegate Congressman Congresswoman Assemblyman Lawmaker Lawmakers
Officials Residents Man Woman
""".split()  # noqa: SIM905 - a word list reads best as words
)


#: Capitalised words that open a sentence or a noun phrase and are not part of a name ("An Alexandria
#: man", "Several Aleppo districts").
OPENING_WORDS: frozenset[str] = frozenset(
    """
A An The This That These Those Every Each Some Many Most All Both Several Few Two Three Four Five
Six Seven Eight Nine Ten In At On From To For With By Near After Before During Since Until When
While If As Of And But Or Nor Yet So Also Only Even Like Unlike Across Around Outside Inside Into
Through Throughout Under Over Between Among Against Without Within Despite Former Acting Neighboring
Neighbouring Nearby Rural Suburban Downtown Central Greater Metro Metropolitan Besieged Embattled
Rebel-held Government-held Regime-held Opposition-held Neighbouring Where Why How What Which Who
""".split()  # noqa: SIM905 - a word list reads best as words
)
