//! The platforms a package carries binaries for, named by .NET runtime ids, and a check that a
//! binary given for one was built for it (its executable header), so that a mix-up fails here,
//! not on an admin's machine.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// The runtime ids a package may carry, as the module looks for them (bin/<id>/).
pub const RUNTIME_IDS: [&str; 6] = [
    "win-x64",
    "win-arm64",
    "linux-x64",
    "linux-arm64",
    "osx-x64",
    "osx-arm64",
];

/// This machine's runtime id, when it is one a package can carry.
pub fn this_runtime_id() -> Option<&'static str> {
    let os = match std::env::consts::OS {
        "windows" => "win",
        "linux" => "linux",
        "macos" => "osx",
        _ => return None,
    };
    let architecture = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        _ => return None,
    };
    let id = format!("{os}-{architecture}");
    RUNTIME_IDS.into_iter().find(|known| *known == id)
}

/// The binary's file name in the package: `.exe` on Windows.
pub fn binary_name(runtime_id: &str) -> &'static str {
    if runtime_id.starts_with("win-") {
        "msol-bridge.exe"
    } else {
        "msol-bridge"
    }
}

/// Checks `runtime_id` is one a package can carry.
pub fn known(runtime_id: &str) -> Result<&'static str> {
    RUNTIME_IDS
        .into_iter()
        .find(|known| *known == runtime_id)
        .with_context(|| {
            format!(
                "'{runtime_id}' is not a runtime id a package carries; allowed: {}",
                RUNTIME_IDS.join(", ")
            )
        })
}

/// Fails unless the file's executable header is for `runtime_id` (PE, ELF or Mach-O, and the
/// processor).
pub fn check_binary(runtime_id: &str, path: &Path) -> Result<()> {
    let mut header = [0u8; 64];
    let read = std::fs::File::open(path)
        .and_then(|mut file| read_up_to(&mut file, &mut header))
        .with_context(|| format!("reading the binary {}", path.display()))?;
    let header = &header[..read];
    let found = describe(header, path)?;
    if found != runtime_id {
        bail!(
            "{} is a {found} binary, not {runtime_id}: give each platform's own build, as RUNTIME_ID=PATH",
            path.display()
        );
    }
    Ok(())
}

fn read_up_to(file: &mut std::fs::File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// The runtime id an executable header says, from the formats' own fields: ELF e_machine,
/// Mach-O cputype, PE's COFF machine.
fn describe(header: &[u8], path: &Path) -> Result<String> {
    let u16_le = |at: usize| {
        header
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_le = |at: usize| {
        header
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let unknown = || {
        anyhow::anyhow!(
            "{} is not an executable for any of {}",
            path.display(),
            RUNTIME_IDS.join(", ")
        )
    };
    if header.starts_with(b"\x7fELF") {
        return match u16_le(18) {
            Some(62) => Ok("linux-x64".into()),
            Some(183) => Ok("linux-arm64".into()),
            _ => Err(unknown()),
        };
    }
    if header.starts_with(&[0xcf, 0xfa, 0xed, 0xfe]) {
        return match u32_le(4) {
            Some(0x0100_0007) => Ok("osx-x64".into()),
            Some(0x0100_000c) => Ok("osx-arm64".into()),
            _ => Err(unknown()),
        };
    }
    if header.starts_with(b"MZ") {
        // The PE header's offset is at 0x3c; it sits past the first 64 bytes only in odd files.
        let pe = u32_le(0x3c).ok_or_else(unknown)? as usize;
        let mut file = std::fs::File::open(path)?;
        let mut bytes = vec![0u8; pe + 6];
        let read = read_up_to(&mut file, &mut bytes)?;
        if read < pe + 6 || &bytes[pe..pe + 4] != b"PE\0\0" {
            return Err(unknown());
        }
        return match u16::from_le_bytes([bytes[pe + 4], bytes[pe + 5]]) {
            0x8664 => Ok("win-x64".into()),
            0xaa64 => Ok("win-arm64".into()),
            _ => Err(unknown()),
        };
    }
    if header.starts_with(&[0xca, 0xfe, 0xba, 0xbe]) {
        bail!(
            "{} is a universal (fat) macOS binary: give osx-x64 and osx-arm64 their own builds",
            path.display()
        );
    }
    Err(unknown())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime_id_of(bytes: &[u8]) -> Result<String> {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), bytes).unwrap();
        describe(&bytes[..bytes.len().min(64)], file.path())
    }

    #[test]
    fn headers_name_their_platform() {
        let mut elf = vec![0u8; 64];
        elf[..4].copy_from_slice(b"\x7fELF");
        elf[18] = 183;
        assert_eq!(runtime_id_of(&elf).unwrap(), "linux-arm64");
        let mut macho = vec![0xcf, 0xfa, 0xed, 0xfe, 0x07, 0, 0, 0x01];
        macho.resize(64, 0);
        assert_eq!(runtime_id_of(&macho).unwrap(), "osx-x64");
        let mut pe = vec![0u8; 0x90];
        pe[..2].copy_from_slice(b"MZ");
        pe[0x3c] = 0x80;
        pe[0x80..0x84].copy_from_slice(b"PE\0\0");
        pe[0x84..0x86].copy_from_slice(&0xaa64u16.to_le_bytes());
        assert_eq!(runtime_id_of(&pe).unwrap(), "win-arm64");
        assert!(runtime_id_of(b"#!/bin/sh\necho hi\n").is_err());
    }

    #[test]
    fn this_machine_is_a_packaged_platform() {
        let me = std::env::current_exe().unwrap();
        if let Some(id) = this_runtime_id() {
            check_binary(id, &me).unwrap();
        }
    }

    #[test]
    fn unknown_runtime_ids_name_the_allowed_ones() {
        let error = known("linux-musl-x64").unwrap_err().to_string();
        assert!(
            error.contains("linux-musl-x64") && error.contains("osx-arm64"),
            "{error}"
        );
    }
}
