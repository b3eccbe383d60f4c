/**
 * Word lists the reasoning rules judge by. Lists hold lower-case words as written; phrases are
 * matched on word keys (see `similarity.ts`). Keep them small and specific: every entry is a
 * way for a rule to fire or to stay quiet.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Personal and demonstrative pronouns that refer back to something said before. */
export const PRONOUNS = set(`it its itself they them their theirs this that these those he him his she her hers such
  there here one ones same`);

/** Auxiliary and modal verbs (finite forms). */
export const AUXILIARIES = set(`is are was were am be been being has have had having do does did can could will would
  shall should may might must`);

export const DETERMINERS = set(`the a an no each every this that these those its their our his her your my some any all
  both either neither another other such several many much few more most`);

export const PREPOSITIONS = set(`of in on at to for from by with without about into onto over under after before during
  through across against between among within via per than as like until since upon off out up down around behind beyond
  toward towards`);

/** Words that open a subordinate clause (the main clause is elsewhere). */
export const SUBORDINATORS = set(`because since although though whereas while when whenever if unless until after before
  so once where which who whom whose`);

export const CONJUNCTIONS = set(`and or but nor yet plus also then`);

/** Words with no topic of their own. */
export const STOP_WORDS = set(`a an the and or but nor yet so of in on at to for from by with about into onto over under
  after before during through across against between among within via per than as like until since upon off out up down
  around is are was were am be been being has have had having do does did done can could will would shall should may
  might must it its itself they them their theirs this that these those he him his she her hers we us our ours you your
  i me my mine there here which who whom whose what when where why how whether if because although though while whereas
  not no never nobody none nothing only just also then even still already very too quite rather really simply all any
  some each every both either neither another other such same several many much more most few less least own
  completely totally entirely fully basically actually originally previously eventually finally always ever again
  once twice one ones first second third enough get got getting gets happen happened happens happening occur
  occurred occurs cause caused causes causing reason reasons result resulted thing things something anything
  everything way ways able unable instead due let lets make made making`);

/**
 * Nouns so general that they may stand for any part of what failed ("the system" for "the
 * content interpreter"). They never count as the focus of a question.
 */
export const GENERIC_NOUNS = set(`system systems service services application applications app apps platform software
  program programs component components machine machines device devices equipment product products tool tools
  issue issues problem problems incident incidents outage event events situation case failure failures error errors
  thing stuff part parts item items unit units piece work`);

/**
 * Groups of words and phrases that mean the same for matching (synonyms, abbreviations,
 * paraphrases). The first entry names the group. Phrases match on word keys in order.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['full', 'fill up', 'full', 'saturated', 'run out of space', 'out of space', 'no space left', 'no free space',
    'out of disk space', 'run out of disk space', 'run out of disk', 'reach capacity', 'at capacity', 'run out of room',
    'exhaust disk space', 'disk space exhausted', 'no space', 'no room', 'out of room', 'no free room',
    'no free space left', 'no room left', 'no capacity left', 'no space available'],
  ['oom', 'run out of memory', 'out of memory', 'oom', 'memory exhausted', 'exhaust memory', 'exhaust the memory',
    'exhaust all memory', 'exhaust its memory', 'run out of ram', 'out of ram'],
  ['down', 'go down', 'down', 'outage', 'unavailable', 'unresponsive', 'offline', 'stop responding', 'not respond',
    'become unavailable', 'hang', 'hung', 'freeze'],
  ['fail', 'fail', 'failure', 'break', 'broken', 'malfunction', 'stop working', 'not work', 'die'],
  ['unnoticed', 'unnoticed', 'undetected', 'go unnoticed', 'not noticed', 'never noticed', 'not detected', 'never detected',
    'not caught', 'never caught', 'nobody noticed', 'no one noticed', 'nobody saw', 'no one saw', 'not spotted', 'unseen'],
  ['disconnect', 'disconnect', 'disconnected', 'cut the connection', 'cut connection', 'connection drop', 'drop the connection',
    'connection cut', 'lose connection', 'lose the connection', 'lost connection', 'connection lost', 'lose connectivity',
    'lost connectivity', 'connection reset'],
  ['persist', 'persist', 'stay in place', 'remain in place', 'left in place', 'never expire', 'not expire', 'indefinitely',
    'forever', 'never removed', 'never lifted'],
  ['stop', 'stop', 'halt', 'kill switch', 'shut off', 'shut down', 'shutdown', 'switch off', 'turn off', 'emergency stop',
    'e-stop', 'cut off', 'kill'],
  ['remove', 'remove', 'delete', 'deletion', 'erase', 'wipe', 'purge', 'drop the table'],
  ['fix', 'fix', 'repair', 'correct', 'corrected', 'remedy', 'mend'],
  ['screen', 'screen', 'display', 'console', 'user interface'],
  ['maintenance', 'maintenance', 'preventive maintenance', 'pm', 'servicing', 'upkeep'],
  ['crash', 'crash', 'panic', 'segfault', 'blue screen', 'bsod', 'kernel panic', 'abort'],
  ['slow', 'slow', 'slowly', 'sluggish', 'lag', 'latency', 'high latency', 'take long', 'take too long', 'delay', 'late',
    'take # minute', 'take # second', 'take # hour', 'take # day', 'take # week', 'take minute', 'take hour', 'take day'],
  ['overheat', 'overheat', 'too hot', 'run hot', 'high temperature', 'heat up'],
  ['mismatch', 'mismatch', 'differ', 'different', 'difference', 'discrepancy', 'inconsistent', 'inconsistency',
    'not match', 'incompatible', 'incompatibility', 'against', 'diverge', 'disagree', 'disagreement', 'out of sync'],
  ['database', 'database', 'db', 'databases', 'rdbms', 'postgres', 'postgresql', 'mysql'],
  ['configuration', 'configuration', 'config', 'configs', 'cfg', 'configured', 'configure'],
  ['kubernetes', 'kubernetes', 'k8s', 'cluster'],
  ['memory', 'memory', 'mem', 'ram', 'heap'],
  ['production', 'production', 'prod', 'live'],
  ['environment', 'environment', 'env'],
  ['repository', 'repository', 'repo'],
  ['dependency', 'dependency', 'dependencies', 'dep', 'deps', 'library', 'package'],
  ['authentication', 'authentication', 'auth', 'login', 'log in', 'sign in', 'credential'],
  ['certificate', 'certificate', 'cert', 'tls certificate', 'ssl certificate'],
  ['input', 'input', 'parameter', 'param', 'argument', 'arg', 'value'],
  ['deploy', 'deploy', 'deployment', 'release', 'rollout', 'roll out', 'ship', 'launch', 'go live'],
  ['test', 'test', 'testing', 'qa', 'quality assurance', 'test case', 'test suite'],
  ['alert', 'alert', 'alarm', 'page', 'paging', 'notification', 'warning'],
  ['monitor', 'monitor', 'monitoring', 'observability', 'dashboard', 'telemetry'],
  ['patient', 'patient', 'pt', 'pts'],
  ['medication', 'medication', 'medicine', 'drug', 'med', 'meds', 'dose', 'dosage'],
  ['doctor', 'doctor', 'physician', 'dr', 'surgeon', 'clinician'],
  ['nurse', 'nurse', 'rn', 'nursing'],
  ['shipment', 'shipment', 'delivery', 'consignment', 'order', 'parcel', 'package', 'freight'],
  ['warehouse', 'warehouse', 'dc', 'distribution center', 'distribution centre', 'depot', 'fulfilment center',
    'fulfillment center'],
  ['customer', 'customer', 'client', 'buyer', 'shopper'],
  ['employee', 'employee', 'staff', 'worker', 'personnel', 'operator'],
  ['server', 'server', 'host', 'node', 'instance', 'vm', 'virtual machine', 'pod', 'container'],
  ['cpu', 'cpu', 'processor', 'core'],
  ['disk', 'disk', 'drive', 'storage', 'volume', 'partition', 'ssd', 'hdd'],
  ['timeout', 'timeout', 'time out', 'timed out', 'times out'],
  ['expire', 'expire', 'expiry', 'expiration', 'lapse', 'expired'],
  ['restart', 'restart', 'reboot', 'bounce', 'boot', 'start up', 'startup'],
  ['bug', 'bug', 'defect', 'flaw'],
  ['limit', 'limit', 'cap', 'quota', 'threshold', 'ceiling', 'maximum', 'max'],
  ['increase', 'increase', 'spike', 'surge', 'rise', 'grow', 'jump', 'climb', 'double', 'triple'],
  ['decrease', 'decrease', 'drop', 'fall', 'decline', 'shrink'],
  ['check', 'check', 'verify', 'verification', 'validate', 'validation', 'validator', 'inspect', 'inspection'],
  ['guard', 'guard', 'protection', 'safeguard', 'safety net', 'guardrail', 'interlock'],
  ['wrong', 'wrong', 'incorrect', 'erroneous', 'invalid', 'bad', 'faulty'],
  ['outdated', 'outdated', 'stale', 'obsolete', 'out of date', 'old'],
  ['request', 'request', 'query', 'queries'],
  ['use', 'use', 'call', 'invoke', 'rely on', 'depend on'],
  ['scope', 'scope', 'cover', 'coverage', 'span'],
  ['traffic', 'traffic', 'load', 'demand', 'volume', 'throughput'],
  ['vehicle', 'vehicle', 'truck', 'lorry', 'van', 'trailer'],
  ['machine-part', 'bearing', 'seal', 'gasket', 'belt'],
  ['version', 'version'],
  ['interpreter', 'interpreter', 'parser', 'engine', 'runtime'],
  ['field', 'field', 'column', 'attribute'],
  ['user', 'user', 'account'],
  ['code', 'code', 'source', 'logic', 'implementation'],
  ['backup', 'backup', 'snapshot', 'replica', 'standby', 'failover'],
  ['connection', 'connection', 'socket', 'connection pool', 'pool'],
  ['network', 'network', 'connectivity', 'link'],
  ['power', 'power', 'electricity', 'ups', 'battery', 'generator'],
  ['schedule', 'schedule', 'scheduled', 'cron', 'timetable', 'rota', 'roster', 'shift'],
  ['label', 'label', 'barcode', 'tag', 'sticker'],
  ['invoice', 'invoice', 'bill', 'billing', 'charge', 'payment'],
  ['price', 'price', 'pricing', 'cost', 'fee'],
  ['supply', 'supply', 'provide', 'furnish'],
  ['read', 'read', 'look up', 'fetch', 'retrieve'],
  ['revert', 'revert', 'put back', 'roll back', 'reset to'],
  ['match', 'match', 'compare', 'comparison', 'cross-check'],
  ['knowledge', 'knowledge', 'know-how', 'expertise'],
  ['adjacent', 'adjacent', 'side by side', 'next to each other', 'next to one another', 'beside each other', 'alongside',
    'beside', 'next to'],
];

/**
 * Groups of related concepts: a mention of one counts as a mention of the others when judging
 * whether a question and an answer talk about the same thing (part and whole, cause and
 * measure). Never used to call an answer circular. Entries name synonym groups or words.
 */
export const RELATED_GROUPS: readonly (readonly string[])[] = [
  ['memory', 'oom', 'leak', 'allocation', 'allocate', 'consume', 'consumption', 'garbage collection', 'gc'],
  ['disk', 'full', 'log', 'space', 'file', 'write'],
  ['cpu', 'traffic', 'slow', 'saturate', 'utilization', 'usage', 'busy'],
  ['temperature', 'overheat', 'heat', 'hot', 'cool', 'cooling', 'coolant', 'fan', 'thermal'],
  ['power', 'outage', 'voltage', 'current', 'circuit', 'breaker', 'fuse'],
  ['deploy', 'change', 'update', 'upgrade', 'version', 'patch', 'build', 'pipeline'],
  ['duplicate', 'duplicates', 'duplicated', 'twice', 'double', 'doubled', 'resent', 're-sent', 'resend', 'repeat', 'repeated'],
  ['configuration', 'change', 'update', 'flag', 'option', 'parameter', 'setting', 'settings', 'setpoint', 'value'],
  ['input', 'field', 'column'],
  ['crash', 'down', 'fail', 'restart', 'stop', 'error', 'exception', 'memory', 'bound', 'pointer', 'segfault', 'overflow',
    'null', 'kernel', 'driver'],
  ['bound', 'index', 'array', 'length', 'size', 'count', 'number', 'input', 'field', 'overflow', 'buffer'],
  ['mismatch', 'version', 'compatibility', 'format', 'schema'],
  ['database', 'query', 'table', 'index', 'transaction', 'lock', 'replica', 'backup'],
  ['request', 'traffic', 'endpoint', 'api', 'response'],
  ['network', 'dns', 'connection', 'timeout', 'latency', 'packet', 'route', 'router', 'firewall'],
  ['shipment', 'vehicle', 'driver', 'route', 'carrier', 'dispatch', 'pick', 'pack', 'pallet'],
  ['patient', 'medication', 'doctor', 'nurse', 'prescription', 'ward', 'pharmacy'],
  ['certificate', 'expire', 'renew', 'renewal'],
  ['retention', 'retain', 'keep', 'history', 'ttl', 'expire', 'archive', 'purge'],
  ['guard', 'check', 'limit', 'cap'],
  ['limit', 'quota', 'exceed', 'over'],
  ['server', 'cluster', 'kubernetes', 'fleet'],
];

/** Words naming people, roles or teams (the `blame` rule's subjects). */
export const PERSON_NOUNS = set(`engineer engineers architect architects officer officers setter setters developer developers dev devs operator operators technician
  technicians nurse nurses doctor doctors physician physicians surgeon pharmacist pharmacists driver drivers employee
  employees staff worker workers team teams intern interns admin admins administrator administrators manager managers
  someone somebody he she person people human humans individual contractor contractors clerk clerks picker pickers
  packer packers pilot pilots analyst analysts tester testers reviewer reviewers author owner on-call oncall sre sres
  supervisor supervisors agent agents rep reps representative representatives crew assistant assistants colleague
  colleagues dba dbas sysadmin sysadmins lead leads foreman foremen teammate teammates
  fitter fitters mechanic mechanics inspector inspectors cashier cashiers teacher teachers officer officers
  librarian librarians chemist chemists dispatcher dispatchers coordinator coordinators planner planners buyer buyers
  auditor auditors therapist therapists midwife midwives paramedic paramedics chef chefs cook cooks courier couriers
  accountant accountants clinician clinicians electrician electricians welder welders porter porters receptionist
  receptionists registrar registrars surgeons anaesthetist anaesthetists anesthesiologist radiographer radiographers
  scientist scientists specialist specialists consultant consultants programmer programmers maintainer maintainers
  approver approvers trader traders broker brokers underwriter underwriters caretaker caretakers steward stewards
  attendant attendants vet vets dentist dentists hygienist hygienists pharmacy-technician student students volunteer volunteers
  he she hr john jane bob alice dave`);

/** Phrases that put the cause on a person (`human error`, `forgot`, `careless`). */
export const BLAME_PHRASES: readonly string[] = [
  'human error', 'operator error', 'user error', 'pilot error', 'driver error', 'staff error', 'personal error',
  'a mistake', 'made a mistake', 'made an error', 'their mistake', 'his mistake', 'her mistake', 'the mistake of',
  'forgot', 'forget', 'forgotten', 'careless', 'carelessness', 'negligence', 'negligent', 'lazy', 'sloppy',
  'incompetent', 'incompetence', 'fault of', 'did not pay attention', 'not paying attention', 'was not careful',
  'were not careful', 'by accident', 'accidentally', 'mistakenly', 'by mistake', 'fat-finger', 'fat finger',
  'fat-fingered', 'did not bother', 'never bothered', 'could not be bothered', 'not be bothered', 'too lazy', 'ignored the', 'disregarded', 'failed to follow', 'did not follow',
  'blame', 'to blame', 'his fault', 'her fault', 'their fault',
];

/** Verbs of a personal slip: with a person as subject, they make a `blame` answer. */
export const SLIP_VERBS = set(`forgot forget forgets misconfigured mistyped typed entered deleted dropped ignored
  skipped overlooked missed misread misjudged neglected failed chose decided pushed ran clicked selected picked
  approved merged`);

/**
 * Nouns that name a part of the system of work (a check, a default, a tool, a procedure):
 * an answer that puts the cause on one of these is not blame.
 */
export const SYSTEM_NOUNS = set(`process processes procedure procedures check checks checklist checklists validation
  validator guard guardrail guardrails interlock interlocks alarm alarms alert alerts test tests tool tools tooling
  script scripts automation form forms ui interface interfaces design layout default defaults config configuration
  limit limits policy policies guideline guidelines standard standards template templates label labels software
  control controls lock locks sensor sensors warning warnings confirmation prompt prompts review reviews runbook
  runbooks documentation docs training onboarding pipeline pipelines ci system systems schedule schedules staffing
  rota handover protocol protocols sop sops permission permissions access approval approvals workflow workflows
  dashboard monitoring spec specification requirement requirements contract schema field fields screen screens
  button buttons command commands api tooltip mechanism safeguard safeguards barrier barriers fixture jig signage
  sign signs instruction instructions manual manuals`);

/** Words that say something is missing, wrong or broken (for `compound`: a clause that states a fault). */
export const FAULT_WORDS = set(`not no never nobody none nothing neither nor without cannot lack lacked lacks lacking
  missing absent insufficient inadequate failed fail fails failing broke broken crashed crash crashes wrong incorrect
  outdated stale expired worn damaged faulty defective misconfigured mislabeled mislabelled misread skipped ignored
  overlooked disabled leaked leaking clogged blocked corrupted corrupt exceeded overloaded unavailable too late
  delayed inexperienced untrained unclear ambiguous tired fatigued confusing confused loose cracked dirty
  contaminated obsolete forgot forgotten error errors mistake bug bugs flaw flawed unreliable unstable understaffed
  overworked rushed shortage dead drained depleted stuck jammed exhausted missed lost dropped removed deleted
  still frequent frequently repeated repeatedly heavy excessive excess contended contention bloated saturated
  overflowed leaked faded instead behind paused suspended dropping skipping lagging lagged untested unowned sick ill
  decommissioned retired withdrawn scrapped cancelled canceled bypassed jumpered`);

/**
 * Virtues and soft qualities: `lack of attention`, `poor communication`, `not enough focus` are
 * vague whatever follows (`lack of attention to lead metrics` still names no missing thing).
 */
export const VIRTUE_NOUNS = set(`attention care communication oversight focus awareness diligence ownership coordination
  collaboration discipline rigor rigour vigilance accountability culture alignment teamwork thoroughness caution
  carefulness foresight vision insight judgement judgment leadership commitment motivation professionalism priority
  prioritization prioritisation urgency initiative engagement morale trust transparency`);

/** Activities named without their object: vague unless a concrete object follows (`testing of the 21st field`). */
export const ACTIVITY_NOUNS = set(`testing planning quality process processes detail details effort understanding
  knowledge preparation supervision management resources resourcing review reviews governance follow-up followup
  documentation checking verification analysis`);

/** Vague phrases that are unfalsifiable on their own, whatever follows. */
export const VAGUE_PHRASES: readonly string[] = [
  'not good enough', 'was not good enough', 'not careful enough', 'not careful', 'carelessness', 'careless',
  'human factors', 'bad luck', 'unlucky', 'complacency', 'complacent', 'miscommunication', 'communication breakdown',
  'breakdown in communication', 'fell through the cracks', 'slipped through the cracks', 'through the cracks',
  'did not take it seriously', 'not thorough', 'not thorough enough', 'lack of attention', 'lack of focus',
  'lack of awareness', 'lack of ownership', 'lack of diligence', 'lack of care', 'lack of communication',
  'poor communication', 'bad communication', 'better testing', 'more testing', 'insufficient testing',
  'not enough testing', 'inadequate testing', 'poor quality', 'low quality', 'poor planning', 'bad planning',
  'prioritised over', 'prioritized over', 'at the expense of', 'cut corners', 'cutting corners', 'corners were cut',
  'lack of foresight', 'took shortcuts', 'was rushed', 'were rushed', 'in a rush', 'in a hurry', 'lack of rigour',
  'lack of rigor', 'not a priority', 'low priority', 'nobody cared', 'did not care', 'not taken seriously',
  'did not prioritise', 'did not prioritize', 'was not prioritised', 'was not prioritized', 'were not prioritised',
  'were not prioritized', 'deprioritised', 'deprioritized', 'never prioritised', 'never prioritized',
  'various issues', 'various reasons', 'technical issues', 'technical difficulties', 'some problems', 'some issues',
  'process issue', 'process issues', 'process failure', 'an oversight', 'just an oversight', 'did not do a good job',
  'did a poor job', 'should have done better', 'could have done better', 'should have been more careful',
  'should have been careful', 'more careful', 'not enough attention', 'insufficient attention', 'inadequate attention',
  'dropped the ball', 'drop the ball', 'dropping the ball', 'not on top of', 'were not on top of', 'was not on top of',
  'did not have a good handle on', 'did not have a good enough handle on', 'did not have a handle on',
  'not have a good enough handle on', 'no real handle on', 'took their eye off the ball', 'took his eye off the ball',
  'took her eye off the ball', 'asleep at the wheel', 'not on the ball',
  'enough of a priority', 'much of a priority', 'the priority it deserves', 'the priority it deserved', 'the attention it deserves', 'the attention it deserved', 'not have the resources', 'not have enough resources',
  'lacked the resources', 'lack of resources', 'not resourced', 'under-resourced', 'underresourced', 'stretched too thin',
  'not fit for purpose', 'never fit for purpose', 'never really fit for purpose', 'not really fit for purpose',
  'thrown together', 'without much thought', 'without enough thought', 'without thinking it through',
  'where it should be', 'where it needs to be', 'not up to scratch', 'not up to par',
];

/** Adjectives that, before a vague noun, make an unfalsifiable cause (`poor communication`). */
export const VAGUE_QUALIFIERS = set(`poor bad insufficient inadequate lacking better more improper weak limited low
  subpar suboptimal enough sufficient adequate proper little much greater stronger`);

/** Adjectives of quality: `not careful enough`, `not rigorous enough`, `was not strong enough`. */
export const QUALITY_ADJECTIVES = set(`good careful rigorous strong thorough robust mature effective efficient comprehensive diligent disciplined
  proactive attentive clear focused serious well effectively clearly closely properly carefully thoroughly rigorously
  seriously professional responsible experienced skilled competent`);

/** Verbs of working together: `did not communicate well` is vague. */
export const SOFT_VERBS = set(`communicate communicated coordinate coordinated collaborate collaborated align aligned
  cooperate cooperated engage engaged prioritize prioritise prioritized prioritised plan planned focus focused care cared
  test tested review reviewed check checked document documented design designed prepare prepared train trained
  supervise supervised manage managed talk talked speak spoke listen listened share shared`);

/** Person nouns that, after a poor quality (`a poor leader`, `a bad manager`), make a judgement of character. */
export const CHARACTER_NOUNS = set(`leader manager engineer developer employee worker operator communicator planner
  team person job`);

/** Nouns too general to name a cause on their own (`a bug`, `technical issues`). */
export const EMPTY_CAUSE_WORDS = set(`bug bugs issue issues problem problems glitch glitches error errors failure failures
  fault faults something thing things stuff reasons reason oversight circumstances factors`);

/** Adjectives that add nothing to an empty cause (`an unexpected error`). */
export const EMPTY_CAUSE_QUALIFIERS = set(`a an the some various several unexpected unknown random technical software
  hardware strange weird odd unforeseen unfortunate minor major small big rare certain multiple many of due to
  because there was were is are it an`);

/** Verbs that start a remedy written as an order (`Add a check …`). Always verbs in first position. */
export const IMPERATIVE_VERBS = set(`add implement introduce ensure enable install configure enforce establish require
  automate create increase improve standardize standardise migrate upgrade hire define provide adopt prevent avoid
  benchmark mandate institute finish compare retrain reconfigure relocate recalibrate reinstate re-enable`);

/** Words that may be nouns in first position (`Test cases were …`): imperative only before a determiner. */
export const AMBIGUOUS_IMPERATIVES = set(`test review check monitor update change fix use limit train document move block
  remove replace rotate validate verify audit schedule track log alert restrict reduce decrease lower raise patch
  rewrite refactor retire split merge cap label build order run buy write send assign book reserve script pin publish
  share store keep give tell ask make set put stop start switch deploy turn double redesign rework re-survey resurvey
  survey fit load sync flush purge tag mark seal route brief notify escalate calibrate inspect clean`);

/** Words of detection, testing and response: what explains why a fault was not caught or took long to fix. */
export const DETECTION_WORDS = set(`test tests testing tested tester testers qa review reviews reviewed reviewer
  reviewers caught catch catches detect detected detection detecting notice noticed noticing unnoticed alert alerts
  alerting alarm alarms monitor monitors monitoring monitored dashboard dashboards paged page paging oncall on-call
  escalate escalated escalation report reported reporting respond responded response restore restored restoring
  recover recovered recovery rollback rolled remediate remediated remediation spot spotted flagged audit audited
  inspect inspected inspection inspector`);

/** Words that say detection or response failed or came late (paired with a detection word). */
export const MISS_WORDS = set(`not no never nobody none nothing without missed miss skipped lacked lack lacking
  late later delayed slow took until failed overlooked unnoticed undetected ignored only`);

/** Words that show a question itself is about detection, release or response. */
export const DETECTION_QUESTION_WORDS = set(`learn learned learnt test tests testing tested qa review reviewed caught catch detect detected
  detection notice noticed unnoticed undetected alert alerted alerting alarm monitor monitoring monitored escape
  escaped slip slipped reach reached release released ship shipped deploy deployed deployment production prod
  respond response restore recover recovery rollback long late later delayed miss missed spot spotted flag flagged
  audit inspection inspected validator validation verify verified check checked approve approved merged merge
  found discover discovered hide hid hidden visible visibility see saw seen look looked aware unfixed`);

/** Modal verbs of obligation: `we should add …` proposes a remedy. */
export const OBLIGATION_MODALS = set(`should must`);
