/**
 * Writing files and keeping them safe (src/io): the atomic write, the
 * preflight before anything is sent, the pin that proves the input did not
 * change, the journal.
 */
import { msg } from '../message.js';

export const writing = {
  cannotWrite: msg<{ file: string; reason: string }>({
    es: ({ file, reason }) => `No se puede escribir "${file}": ${reason}.`,
    en: ({ file, reason }) => `Cannot write "${file}": ${reason}.`,
  }),
  heldOpen: msg<{ file: string; code: string; seconds: number }>({
    es: ({ file, code, seconds }) =>
      `No se puede escribir "${file}": otro programa tiene el archivo abierto (${code}; Excel bloquea un libro mientras está abierto) y siguió bloqueado durante ${seconds} s. Cierre el archivo en Excel (o en el programa que lo tenga abierto) y ejecute de nuevo el mismo comando.`,
    en: ({ file, code, seconds }) =>
      `Cannot write "${file}": another program has the file open (${code}; Excel locks a workbook while it is open) and it stayed locked for ${seconds} s. Close the file in Excel (or whichever program has it open) and run the same command again.`,
  }),
  // Why a write failed: the end of `cannotWrite`.
  folderMissing: msg<{ folder: string }>({
    es: ({ folder }) => `la carpeta "${folder}" no existe (créela, o elija otra ruta de salida)`,
    en: ({ folder }) => `the folder "${folder}" does not exist (create it, or choose another output path)`,
  }),
  partIsFile: msg<{ folder: string }>({
    es: ({ folder }) => `parte de la ruta "${folder}" es un archivo, no una carpeta`,
    en: ({ folder }) => `part of the path "${folder}" is a file, not a folder`,
  }),
  pathIsFolder: msg({ es: 'esa ruta es una carpeta; indique un nombre de archivo', en: 'that path is a folder; give a file name' }),
  permissionWindows: msg({
    es: 'permiso denegado (¿está el archivo abierto en Excel? ciérrelo y ejecute de nuevo)',
    en: 'permission denied (is the file open in Excel? close it and run again)',
  }),
  permission: msg({
    es: 'permiso denegado (revise que usted pueda escribir en esta carpeta y en este archivo)',
    en: 'permission denied (check that you may write to this folder and file)',
  }),
  busy: msg({
    es: 'otro programa está usando el archivo (¿está abierto en Excel? ciérrelo y ejecute de nuevo)',
    en: 'the file is in use by another program (is it open in Excel? close it and run again)',
  }),
  diskFull: msg({ es: 'el disco está lleno', en: 'the disk is full' }),
  quota: msg({ es: 'se agotó su cuota de disco', en: 'your disk quota is exhausted' }),
  readOnly: msg({ es: 'el sistema de archivos es de solo lectura', en: 'the file system is read-only' }),
  pathTooLong: msg({ es: 'la ruta es demasiado larga', en: 'the path is too long' }),

  // Preflight (io/preflight.ts): before the first create, so nothing was sent.
  nothingSent: msg<{ message: string }>({
    es: ({ message }) => `${message} No se envió nada.`,
    en: ({ message }) => `${message} Nothing was sent.`,
  }),
  nameTooLong: msg<{ file: string; temp: string; bytes: number }>({
    es: ({ file, temp, bytes }) =>
      `No se puede escribir "${file}": el nombre del archivo es demasiado largo para este sistema de archivos (el archivo temporal "${temp}" a su lado necesita ${bytes} bytes; la mayoría permite 255). Elija un nombre más corto en --out. No se envió nada.`,
    en: ({ file, temp, bytes }) =>
      `Cannot write "${file}": the file name is too long for this file system (the temporary file "${temp}" beside it needs ${bytes} bytes; most file systems allow 255). Choose a shorter --out name. Nothing was sent.`,
  }),
  notEnoughSpace: msg<{ file: string; folder: string; needed: string; available: string }>({
    es: ({ file, folder, needed, available }) =>
      `No se puede escribir "${file}": no hay suficiente espacio libre en "${folder}" (se necesitan unos ${needed} para la salida, su diario y su copia temporal; hay ${available} libres). ` +
      'Libere espacio o elija un --out en otro disco. No se envió nada.',
    en: ({ file, folder, needed, available }) =>
      `Cannot write "${file}": not enough free space in "${folder}" (about ${needed} needed for the output, its journal and its temporary copy; ${available} free). ` +
      'Free some space or choose an --out on another disk. Nothing was sent.',
  }),
  openInExcel: msg<{ file: string }>({
    es: ({ file }) =>
      `"${file}" parece estar abierto en Excel (a su lado está su archivo de bloqueo ~$…): ciérrelo antes de que termine la ejecución, o la salida no podrá reemplazarlo y quedará en una copia de emergencia.`,
    en: ({ file }) =>
      `"${file}" looks open in Excel (its owner file ~$… is beside it): close it before the run ends, or the output cannot replace it and is kept in an emergency copy instead.`,
  }),

  // The input's pin (io/file-pin.ts): what changed, joined with ", ".
  pinGone: msg({ es: 'lo borraron o lo movieron', en: 'it was deleted or moved away' }),
  pinUnreadable: msg<{ detail: string }>({
    es: ({ detail }) => `ya no se puede leer (${detail})`,
    en: ({ detail }) => `it can no longer be read (${detail})`,
  }),
  pinSize: msg<{ from: number; to: number }>({
    es: ({ from, to }) => `su tamaño pasó de ${from} a ${to} bytes`,
    en: ({ from, to }) => `its size went from ${from} to ${to} bytes`,
  }),
  pinSaved: msg<{ at: string }>({ es: ({ at }) => `se guardó a las ${at}`, en: ({ at }) => `it was saved at ${at}` }),
  pinContent: msg({ es: 'su contenido es otro', en: 'its content differs' }),

  journalCorrupt: msg<{ path: string; line: number; excerpt: string }>({
    es: ({ path, line, excerpt }) =>
      `El diario "${path}" está dañado en la línea ${line}: ${excerpt} no es un registro JSON. ` +
      'Allí consta qué filas ya tienen enlace de pago, así que no lo borre: restáurelo desde una copia de seguridad, ' +
      'o muévalo a otro lado solo si sabe que la ejecución que lo escribió había terminado.',
    en: ({ path, line, excerpt }) =>
      `The journal "${path}" is damaged at line ${line}: ${excerpt} is not a JSON record. ` +
      'It records which rows already have payment links, so do not delete it: restore it from a backup, ' +
      'or move it aside only if you know the run that wrote it had finished.',
  }),
} as const;
