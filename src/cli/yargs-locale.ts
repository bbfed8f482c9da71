/**
 * yargs' own words in the run's language, from the catalogue: the keys are
 * the English strings yargs looks up (its locales/en.json), the values what
 * it prints instead. Every key yargs prints is given, so nothing falls back
 * to yargs' shipped Spanish (which says "defecto" and tutea) or to English.
 */
import { helpYargs as y } from '../i18n/messages/help-yargs.js';
import { say } from '../i18n/message.js';

type Strings = Record<string, string | { one: string; other: string }>;

export function yargsStrings(): Strings {
  return {
    'Commands:': say(y.commands),
    'Options:': say(y.options),
    'Examples:': say(y.examples),
    'Positionals:': say(y.positionals),
    boolean: say(y.boolean),
    count: say(y.count),
    string: say(y.string),
    number: say(y.number),
    array: say(y.array),
    required: say(y.required),
    default: say(y.default),
    'default:': say(y.defaultColon),
    'choices:': say(y.choicesColon),
    'aliases:': say(y.aliasesColon),
    'generated-value': say(y.generatedValue),
    command: say(y.command),
    deprecated: say(y.deprecated),
    'deprecated: %s': say(y.deprecatedBecause),
    'Not enough non-option arguments: got %s, need at least %s': { one: say(y.notEnoughPositionals), other: say(y.notEnoughPositionals) },
    'Too many non-option arguments: got %s, maximum of %s': { one: say(y.tooManyPositionals), other: say(y.tooManyPositionals) },
    'Missing argument value: %s': { one: say(y.missingValue), other: say(y.missingValueMany) },
    'Missing required argument: %s': { one: say(y.missingRequired), other: say(y.missingRequiredMany) },
    'Unknown argument: %s': { one: say(y.unknownArgument), other: say(y.unknownArgumentMany) },
    'Unknown command: %s': { one: say(y.unknownCommand), other: say(y.unknownCommandMany) },
    'Invalid values:': say(y.invalidValues),
    'Argument: %s, Given: %s, Choices: %s': say(y.givenChoices),
    'Argument check failed: %s': say(y.checkFailed),
    'Implications failed:': say(y.implicationsFailed),
    'Not enough arguments following: %s': say(y.notEnoughFollowing),
    'Invalid JSON config file: %s': say(y.invalidConfig),
    'Path to JSON config file': say(y.configPath),
    'Show help': say(y.showHelp),
    'Show version number': say(y.showVersion),
    'Did you mean %s?': say(y.didYouMean),
    'Arguments %s and %s are mutually exclusive': say(y.mutuallyExclusive),
  };
}
