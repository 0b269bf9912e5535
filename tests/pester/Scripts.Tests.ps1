# Complete old-style scripts (tests/pester/Scripts) and the shipped examples, each run unchanged in
# its own pwsh against a fresh demo tenant, as an admin or a runbook would run it.
BeforeDiscovery {
    $root = Split-Path (Split-Path $PSScriptRoot)
    $scripts = @(Get-ChildItem (Join-Path $PSScriptRoot 'Scripts') -Filter '*.ps1') + @(Get-ChildItem (Join-Path $root 'examples') -Filter '*.ps1') |
        ForEach-Object { @{ Path = $_.FullName; Name = $_.Name } }
}

BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Old MSOnline scripts run unchanged' {
    It '<Name> succeeds' -ForEach $scripts {
        $tenant = New-TestTenant
        $result = Invoke-ScriptInPwsh -Path $Path -Environment @{ MSOL_BRIDGE_LOCAL_TENANT = $tenant; MSOL_BRIDGE_BACKEND = 'local' }
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Not -Match 'Exception|error' -Because 'the script reported no error'
    }
    It 'Enable-MfaForAdmins leaves every Company Administrator with MFA' {
        $tenant = New-TestTenant
        $result = Invoke-ScriptInPwsh -Path (Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'examples/Enable-MfaForAdmins.ps1') -Environment @{ MSOL_BRIDGE_LOCAL_TENANT = $tenant }
        $result.ExitCode | Should -Be 0
        Connect-MsolService -LocalTenant $tenant
        $role = Get-MsolRole -RoleName 'Company Administrator'
        foreach ($member in Get-MsolRoleMember -RoleObjectId $role.ObjectId) {
            (Get-MsolUser -ObjectId $member.ObjectId).StrongAuthenticationRequirements.State | Should -BeIn @('Enabled', 'Enforced')
        }
    }
}
