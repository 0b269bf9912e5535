# Configures Microsoft 365 group settings the way MSOnline's group-settings guide did: find the
# Group.Unified template, replace the tenant's setting with one that sets usage guidelines and
# classifications, then stop guests from being added, reading the values back at each step.
Connect-MsolService

$template = Get-MsolAllSettingTemplate | Where-Object { $_.DisplayName -eq 'Group.Unified' }
if (-not $template) { Write-Error "No Group.Unified template"; exit 1 }
$existing = Get-MsolAllSettings | Where-Object { $_.TemplateId -eq $template.Id }
if ($existing) {
    Write-Output "Replacing the Group.Unified setting $($existing.Id), which lists classifications $($existing['ClassificationList'])"
    Remove-MsolSettings -SettingId $existing.Id
}

$setting = $template.CreateSettingsObject()
$setting["UsageGuidelinesUrl"] = "https://contoso.com/it/groups"
$setting["ClassificationList"] = "Low,Medium,High"
$setting["DefaultClassification"] = "Medium"
$created = New-MsolSettings -SettingsObject $setting
Write-Output "Created the $($created.DisplayName) setting $($created.Id)"

$value = $created.GetSettingsValue()
$value["AllowToAddGuests"] = $false
Set-MsolSettings -SettingId $created.Id -SettingsValue $value

$now = Get-MsolSettings -SettingId $created.Id
if ($now["AllowToAddGuests"] -ne 'false') { Write-Error "Guests can still be added"; exit 1 }
if ($now["UsageGuidelinesUrl"] -ne 'https://contoso.com/it/groups') { Write-Error "The guidelines link was lost"; exit 1 }
if ($now["DefaultClassification"] -ne 'Medium') { Write-Error "The default classification was lost"; exit 1 }
if (@(Get-MsolAllSettings).Count -ne 1) { Write-Error "Expected one tenant setting"; exit 1 }
$now.Values | Where-Object { $_.Value } | ForEach-Object { Write-Output "$($_.Name) = $($_.Value)" }
