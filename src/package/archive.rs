//! The two archives of a package: a nupkg (NuGet's layout: the nuspec and the module's files at
//! the root, plus the Open Packaging Conventions parts NuGet clients expect) and a module zip
//! (one MSOnline folder, as Azure Automation imports it).

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use super::Manifest;

const NUSPEC: &str = "MSOnline.nuspec";

/// Every file under `root`, as forward-slash names relative to it, in a stable order.
fn files(root: &Path) -> Result<Vec<(String, PathBuf)>> {
    fn walk(root: &Path, folder: &Path, found: &mut Vec<(String, PathBuf)>) -> Result<()> {
        for entry in std::fs::read_dir(folder)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(root, &path, found)?;
            } else {
                let name = path
                    .strip_prefix(root)?
                    .components()
                    .map(|part| part.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                found.push((name, path));
            }
        }
        Ok(())
    }
    let mut found = Vec::new();
    walk(root, root, &mut found)?;
    found.sort();
    Ok(found)
}

/// The bridge binaries are executable where a zip's modes are kept (unzip, Expand-Archive on 7.x).
fn options(name: &str) -> SimpleFileOptions {
    let executable = name.starts_with("bin/") || name.contains("/bin/");
    use chrono::{Datelike, Timelike};
    let now = chrono::Utc::now();
    let modified = zip::DateTime::from_date_and_time(
        now.year().clamp(1980, 2107) as u16,
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .unwrap_or_default();
    SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(if executable { 0o755 } else { 0o644 })
        .last_modified_time(modified)
}

fn add_file(zip: &mut ZipWriter<File>, name: &str, path: &Path) -> Result<()> {
    zip.start_file(name, options(name))?;
    let mut source = File::open(path).with_context(|| format!("reading {}", path.display()))?;
    std::io::copy(&mut source, zip)?;
    Ok(())
}

fn add_text(zip: &mut ZipWriter<File>, name: &str, text: &str) -> Result<()> {
    zip.start_file(name, options(name))?;
    zip.write_all(text.as_bytes())?;
    Ok(())
}

/// Writes to a temporary name beside `target`, then renames: a failed run leaves no half archive.
fn write_atomically(
    target: &Path,
    fill: impl FnOnce(&mut ZipWriter<File>) -> Result<()>,
) -> Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let partial = tempfile::Builder::new()
        .prefix(".msol-package-")
        .tempfile_in(folder)
        .with_context(|| format!("creating a file in {}", folder.display()))?;
    let mut zip = ZipWriter::new(partial.reopen()?);
    fill(&mut zip)?;
    zip.finish()?;
    // A package is no secret: readable as any installed file is.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(partial.path(), std::fs::Permissions::from_mode(0o644))?;
    }
    partial
        .persist(target)
        .with_context(|| format!("writing {}", target.display()))?;
    Ok(())
}

/// The module zip, from the nupkg's own compressed entries (each binary is compressed once).
pub fn write_module_zip(target: &Path, nupkg: &Path) -> Result<()> {
    let mut source = zip::ZipArchive::new(File::open(nupkg)?)?;
    write_atomically(target, |zip| {
        for index in 0..source.len() {
            let entry = source.by_index_raw(index)?;
            let name = entry.name().to_string();
            if is_packaging_part(&name) {
                continue;
            }
            zip.raw_copy_file_rename(entry, format!("MSOnline/{name}"))?;
        }
        Ok(())
    })
}

/// The nupkg's own parts, which a module folder does not hold.
fn is_packaging_part(name: &str) -> bool {
    name == NUSPEC
        || name == "[Content_Types].xml"
        || name.starts_with("_rels/")
        || name.starts_with("package/")
}

pub fn write_nupkg(target: &Path, staged: &Path, manifest: &Manifest) -> Result<()> {
    let entries = files(staged)?;
    let properties = format!(
        "package/services/metadata/core-properties/{}.psmdcp",
        uuid::Uuid::new_v4().simple()
    );
    write_atomically(target, |zip| {
        add_text(zip, NUSPEC, &nuspec(manifest))?;
        for (name, path) in &entries {
            add_file(zip, name, path)?;
        }
        add_text(zip, "_rels/.rels", &relationships(&properties))?;
        add_text(zip, &properties, &core_properties(manifest))?;
        let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
        add_text(zip, "[Content_Types].xml", &content_types(&names))?;
        Ok(())
    })
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// PowerShellGet's tags, which Find-Module -Command and -Tag search: the module's own tags, its
/// editions and every cmdlet.
fn tags(manifest: &Manifest) -> String {
    let mut tags = manifest.tags.clone();
    tags.push("PSModule".into());
    tags.extend(
        manifest
            .compatible_editions
            .iter()
            .map(|e| format!("PSEdition_{e}")),
    );
    for cmdlet in &manifest.cmdlets {
        tags.push(format!("PSCmdlet_{cmdlet}"));
        tags.push(format!("PSCommand_{cmdlet}"));
    }
    tags.push("PSIncludes_Cmdlet".into());
    tags.join(" ")
}

fn nuspec(manifest: &Manifest) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>MSOnline</id>
    <version>{version}</version>
    <authors>{author}</authors>
    <owners>{company}</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <license type="expression">MIT</license>
    <description>{description}</description>
    <copyright>{copyright}</copyright>
    <tags>{tags}</tags>
  </metadata>
</package>
"#,
        version = xml_escape(&manifest.module_version),
        author = xml_escape(&manifest.author),
        company = xml_escape(&manifest.company_name),
        description = xml_escape(&manifest.description),
        copyright = xml_escape(&manifest.copyright),
        tags = xml_escape(&tags(manifest)),
    )
}

fn relationships(properties: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/{NUSPEC}" Id="R1" /><Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/{properties}" Id="R2" /></Relationships>"#
    )
}

fn core_properties(manifest: &Manifest) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"><dc:creator>{author}</dc:creator><dc:description>{description}</dc:description><dc:identifier>MSOnline</dc:identifier><version>{version}</version><keywords>{tags}</keywords><lastModifiedBy>msol-bridge package</lastModifiedBy></coreProperties>"#,
        author = xml_escape(&manifest.author),
        description = xml_escape(&manifest.description),
        version = xml_escape(&manifest.module_version),
        tags = xml_escape(&tags(manifest)),
    )
}

/// One default per file extension and an override per file without one (the Linux and macOS
/// binaries), as `nuget pack` writes them.
fn content_types(names: &[&str]) -> String {
    let mut extensions: BTreeSet<String> = ["rels", "psmdcp", "nuspec"].map(String::from).into();
    let mut overrides = Vec::new();
    for name in names {
        let file = name.rsplit('/').next().unwrap_or(name);
        match file.rsplit_once('.') {
            Some((stem, extension)) if !stem.is_empty() => {
                extensions.insert(extension.to_ascii_lowercase());
            }
            _ => overrides.push(*name),
        }
    }
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    );
    for extension in &extensions {
        let kind = match extension.as_str() {
            "rels" => "application/vnd.openxmlformats-package.relationships+xml",
            "psmdcp" => "application/vnd.openxmlformats-package.core-properties+xml",
            _ => "application/octet",
        };
        xml.push_str(&format!(
            r#"<Default Extension="{}" ContentType="{kind}" />"#,
            xml_escape(extension)
        ));
    }
    for name in overrides {
        xml.push_str(&format!(
            r#"<Override PartName="/{}" ContentType="application/octet" />"#,
            xml_escape(name)
        ));
    }
    xml.push_str("</Types>");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensionless_binaries_get_overrides() {
        let xml = content_types(&[
            "MSOnline.psd1",
            "bin/linux-x64/msol-bridge",
            "bin/win-x64/msol-bridge.exe",
        ]);
        assert!(xml.contains(r#"<Default Extension="psd1""#), "{xml}");
        assert!(xml.contains(r#"<Default Extension="exe""#), "{xml}");
        assert!(
            xml.contains(r#"<Override PartName="/bin/linux-x64/msol-bridge""#),
            "{xml}"
        );
    }
}
