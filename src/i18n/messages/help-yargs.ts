/**
 * yargs' own words (section titles, type tags, its usage errors), as the CLI
 * hands them to yargs' `updateLocale`. yargs ships a Spanish locale, but it
 * says "defecto", "cadena de caracteres" and "¿Quisiste…?" (tú), and lacks
 * some strings; these replace all of them. `%s` is where yargs puts its value;
 * the plural forms are separate entries (`…Many`).
 */
import { msg } from '../message.js';

export const helpYargs = {
  commands: msg({ es: 'Comandos:', en: 'Commands:' }),
  options: msg({ es: 'Opciones:', en: 'Options:' }),
  examples: msg({ es: 'Ejemplos:', en: 'Examples:' }),
  positionals: msg({ es: 'Argumentos:', en: 'Positionals:' }),
  boolean: msg({ es: 'sí/no', en: 'boolean' }),
  count: msg({ es: 'conteo', en: 'count' }),
  string: msg({ es: 'texto', en: 'string' }),
  number: msg({ es: 'número', en: 'number' }),
  array: msg({ es: 'lista', en: 'array' }),
  required: msg({ es: 'obligatorio', en: 'required' }),
  default: msg({ es: 'predeterminado', en: 'default' }),
  defaultColon: msg({ es: 'predeterminado:', en: 'default:' }),
  choicesColon: msg({ es: 'valores:', en: 'choices:' }),
  aliasesColon: msg({ es: 'alias:', en: 'aliases:' }),
  generatedValue: msg({ es: 'valor calculado', en: 'generated-value' }),
  command: msg({ es: 'comando', en: 'command' }),
  deprecated: msg({ es: 'obsoleto', en: 'deprecated' }),
  deprecatedBecause: msg({ es: 'obsoleto: %s', en: 'deprecated: %s' }),
  notEnoughPositionals: msg({
    es: 'Faltan argumentos: se recibieron %s y se necesitan al menos %s',
    en: 'Not enough non-option arguments: got %s, need at least %s',
  }),
  tooManyPositionals: msg({
    es: 'Sobran argumentos: se recibieron %s y se aceptan como máximo %s',
    en: 'Too many non-option arguments: got %s, maximum of %s',
  }),
  missingValue: msg({ es: 'Falta el valor de la opción: %s', en: 'Missing argument value: %s' }),
  missingValueMany: msg({ es: 'Falta el valor de las opciones: %s', en: 'Missing argument values: %s' }),
  missingRequired: msg({ es: 'Falta una opción obligatoria: %s', en: 'Missing required argument: %s' }),
  missingRequiredMany: msg({ es: 'Faltan opciones obligatorias: %s', en: 'Missing required arguments: %s' }),
  unknownArgument: msg({ es: 'Opción o argumento desconocido: %s', en: 'Unknown argument: %s' }),
  unknownArgumentMany: msg({ es: 'Opciones o argumentos desconocidos: %s', en: 'Unknown arguments: %s' }),
  unknownCommand: msg({ es: 'Comando desconocido: %s', en: 'Unknown command: %s' }),
  unknownCommandMany: msg({ es: 'Comandos desconocidos: %s', en: 'Unknown commands: %s' }),
  invalidValues: msg({ es: 'Valores no válidos:', en: 'Invalid values:' }),
  givenChoices: msg({ es: 'Opción: %s, recibido: %s, valores aceptados: %s', en: 'Argument: %s, Given: %s, Choices: %s' }),
  checkFailed: msg({ es: 'La revisión de las opciones falló: %s', en: 'Argument check failed: %s' }),
  implicationsFailed: msg({ es: 'Faltan opciones que dependen de otras:', en: 'Missing dependent arguments:' }),
  notEnoughFollowing: msg({ es: 'Faltan valores después de: %s', en: 'Not enough arguments following: %s' }),
  // The whole message a person reads about a broken --config file (describe-error passes it on as is).
  invalidConfig: msg({
    es: '--config %s: el archivo no existe o no es un JSON válido.',
    en: '--config %s: the file is missing or is not valid JSON.',
  }),
  configPath: msg({ es: 'Ruta del archivo de configuración JSON', en: 'Path to JSON config file' }),
  showHelp: msg({ es: 'Muestra esta ayuda', en: 'Show help' }),
  showVersion: msg({ es: 'Muestra la versión', en: 'Show version number' }),
  didYouMean: msg({ es: '¿Quiso decir %s?', en: 'Did you mean %s?' }),
  mutuallyExclusive: msg({ es: 'Las opciones %s y %s no se pueden usar juntas', en: 'Arguments %s and %s are mutually exclusive' }),
} as const;
