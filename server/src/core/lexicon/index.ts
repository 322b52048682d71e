/** The project lexicon: what annotators' tags taught and their rejections ruled out, found again across the corpus. */
export { Lexicon, type LearnedRule, type Lesson, type LexiconMatch, type Rejection } from './lexicon';
export { applyLessons, isLearnableText, lessonsOf, type LessonSource, type LexiconUpdate } from './lessons';
export { contextAround, formsOf, isWholeWordsAt, occurrencesOf } from './matching';
export { LEXICON_FILE_NAME, LEXICON_VERSION, LexiconFileSchema, type LexiconEntry, type LexiconFile, type Suppression } from './schema';
export { mergeLexicons } from './merge';
export { LexiconError, lexiconPathIn, parseLexicon, serializeLexicon } from './lexiconFile';
export { IncrementalLexiconMatches, LearntSuggestions, withLearntSuggestions, type Suggestion } from './suggestions';
