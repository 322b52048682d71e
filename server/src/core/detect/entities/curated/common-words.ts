/**
 * Frequent English words that start sentences, headlines and menus. A capitalised one of these is not evidence
 * of a name ("Drones have played...", "Deadly Drone Arms Race"). Inflected forms are matched by `isCommonWord`.
 */

const WORDS = `
a about above according across act action add after again against age ago agree ahead aid aim air all allow almost
alone along already also although always am among amid an analysis and announce another answer any anyone anything
app apply approach april are area arms army around arrive art article as ask at attack attempt august author
available average away back bad ban bank base battle be beat because become been before begin behind being believe
best better between beyond big bill black blame block blow board body book border both boost break bring brief
british build business but buy by call campaign can capital car care case cause ceasefire center central chance
change charge check chief child choose city civil claim class clear close coalition come comment comments community
company complete concern conflict confirm consider contact content continue control cookie cookies cost could
council country court cover create crime crisis critical cut daily damage data day days deadly deal death debate
december decide decision deep defense defence deliver demand deny deputy despite detail develop did die different
digital direct director do does done down download drive drone drop due during each early east eastern economic
economy edit editor editors effort eight either election else email end energy enter enough entire even event
ever every evening exclusive expect experience explore face fact fall false family far fast fear feature features
february feed few field fight final finally find fire first five follow follows for force foreign former forward
four free friday from front full fund future game gas general get give global go good government great green
group grow guide half hand happen hard has have he head health hear heavy help her here high him his history hit
hold home hope host hour house how however human hundreds idea if important in include increase independent
industry inside instead intelligence interest international into invest investigation is issue it its january
join joint july june just keep key kill know land large last late latest later launch law lead leader learn least
leave left legal less let letter level life light like limit line list little live local log login long look lose
loss low main major make man many march market mass matter may mayor me media meet meeting member members menu
might military million minister minute miss mission monday month more morning most move much must my name nation
national natural near need network never new news newsletter next night nine no none north northern not note
nothing november now nuclear number october of off offer office official officials often oil old on once one only
open opinion or order other our out over own page part partner party pass past pay peace people per percent
picture place plan play please plus podcast point police policy political politics popular post power premium
president press price prime privacy private pro problem program project protect provide public push put question
quick race raise rate read reader ready real really recent record red reform region related release report reports
republic research response rest result return review right rise risk road role rule run safe same saturday save say
says school search season second secretary section security see seek send senior september service set settings
seven share shares she short should show side sign signal since six skip small so social some someone something
south southern space special speech sponsored sport sports staff stage start state statement states step still
stop story strategic strike strong study subscribe subscriber success such summer sunday support sure system take
talk target tax team tech term terms terror test than thank thanks that the their them then there these they
thing think third this those though thousands three through thursday time times to today together top total
toward town trade travel trial true try tuesday turn two under union unit united until up update updated upon us
use user very video view visit vote wall want war warn was watch water way we wednesday week weekend welcome well
were west western what when where whether which while white who whole why wide will win winter with within without
woman women word work world would write year years yes yesterday yet you young your
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december authorities officials experts analysts residents soldiers troops sources
observers critics witnesses lawmakers ministers leaders diplomats citizens investors traders fans players
prosecutors lawyers investigators judges rescuers medics doctors scientists researchers economists voters
protesters students workers employees users viewers readers scholars historians journalists reporters
`.split(/\s+/);

const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.filter(Boolean));

/** True when the lowercased word itself is in the list ("Tuesday", "Mark" is not; "Denys" is not either). */
export function isListedWord(word: string): boolean {
  return COMMON_WORDS.has(word.toLowerCase());
}

/** True when the lowercased word, or a simple inflection of it, is a frequent English word. */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  if (COMMON_WORDS.has(w)) return true;
  for (const suffix of ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er']) {
    if (w.length > suffix.length + 2 && w.endsWith(suffix) && COMMON_WORDS.has(w.slice(0, -suffix.length))) return true;
  }
  if (w.endsWith('ies') && COMMON_WORDS.has(w.slice(0, -3) + 'y')) return true;
  return false;
}
