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

#: Nationality, ethnic and religious adjectives: never places themselves ("Syrian", "Russian").
DEMONYMS: frozenset[str] = frozenset(
    """
Afghan Albanian Algerian American Arab Arabian Armenian Assyrian Australian Austrian Azerbaijani Azeri
Bahraini Baluch Bangladeshi Belarusian Belgian Bosnian Brazilian British Bulgarian Burkinabe Burmese
Burundian Cameroonian Canadian Chadian Chechen Chinese Christian Circassian Colombian Congolese Croatian
Cuban Cypriot Czech Danish Druze Dutch Egyptian Emirati English Eritrean Ethiopian European Filipino
Finnish French Fulani Georgian German Ghanaian Greek Haitian Hazara Houthi Hungarian Indian Indonesian
Iranian Iraqi Irish Islamic Israeli Italian Ivorian Japanese Jewish Jordanian Kazakh Kenyan Korean
Kurdish Kuwaiti Kyrgyz Lebanese Liberian Libyan Lithuanian Macedonian Malian Mauritanian Mexican
Moldovan Mongolian Moroccan Mozambican Muslim Nepali Nigerian Nigerien Norwegian Omani Pakistani
Palestinian Pashtun Persian Peruvian Polish Portuguese Qatari Romanian Rohingya Russian Rwandan
Salvadoran Saudi Scottish Senegalese Serbian Shia Shiite Slovak Somali Soviet Spanish Sudanese
Sunni Swedish Swiss Syrian Tajik Tamil Tanzanian Thai Tuareg Tunisian Turkish Turkmen Ugandan Ukrainian
Uyghur Uzbek Venezuelan Vietnamese Welsh Yazidi Yemeni Zambian Zimbabwean Alawite Sahrawi Yoruba Hausa
Igbo Tigrayan Amhara Oromo Pashto Baloch Kurd Kurds Arabs Alawites Sunnis Shiites Yazidis Christians
Bedouin Bedouins Druze Assyrians Circassians Turkmens
""".split()  # noqa: SIM905 - a word list reads best as words
)


#: Words that gazetteers list as (alternate) place names but that war reporting uses for people,
#: months, weapons, institutions or regions without a point: never a toponym here.
NON_PLACE_NAMES: frozenset[str] = frozenset(
    """
Assad Assads Obama Trump Putin Erdogan Biden Kerry Lavrov Rouhani Khamenei Nasrallah Baghdadi Jolani
Ahmad Ahmed Mohammed Muhammad Mohammad Mahmoud Mustafa Hassan Hussein Ali Omar Umar Khalid Khaled Rahman
Abdel Abdul Abdullah Ibrahim Ismail Youssef Yusuf Salah Saleh Said Sayed George John Michael David Rami
Ramadan Eid Allah Islam Sharia Jihad Sarin Tomahawk Scud Grad Manar Mayadeen Jazeera Arabiya Sputnik
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Levant Middle East White House Pentagon Kremlin State Some Media Times Post Press Reuters AFP
""".split()  # noqa: SIM905 - a word list reads best as words
) | {"Middle East", "White House", "State Department", "Security Council", "Red Crescent", "Red Cross"}
