# Errors as MSOnline raised them: exact ids and messages, non-terminating per object, catchable by type.
BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tenant = Connect-TestTenant
}

Describe 'A missing user' {
    It 'is UserNotFoundException with MSOnline''s text, id and activity' {
        $failure = $null
        try { Get-MsolUser -UserPrincipalName 'nobody@contoso.com' -ErrorAction Stop } catch { $failure = $_ }
        $failure.Exception.Message | Should -BeExactly 'User Not Found.  User: nobody@contoso.com.'
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Microsoft.Online.Administration.Automation.UserNotFoundException,Microsoft.Online.Administration.Automation.GetUser'
        $failure.CategoryInfo.Activity | Should -Be 'Get-MsolUser'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.TargetObject | Should -Be 'nobody@contoso.com'
    }
    It 'is caught as MicrosoftOnlineException and as its own type' {
        $general = $false; $specific = $false
        try { Get-MsolUser -UserPrincipalName 'nobody@contoso.com' -ErrorAction Stop } catch [Microsoft.Online.Administration.Automation.MicrosoftOnlineException] { $general = $true }
        try { Set-MsolUser -UserPrincipalName 'nobody@contoso.com' -City 'x' -ErrorAction Stop } catch [Microsoft.Online.Administration.Automation.UserNotFoundException] { $specific = $true }
        $general | Should -BeTrue
        $specific | Should -BeTrue
    }
    It 'names the cmdlet class of the cmdlet that failed' {
        { Set-MsolUser -UserPrincipalName 'nobody@contoso.com' -City 'x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.UserNotFoundException,Microsoft.Online.Administration.Automation.SetUser'
        { Get-MsolUserRole -UserPrincipalName 'nobody@contoso.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.UserNotFoundException,Microsoft.Online.Administration.Automation.GetUserRole'
    }
    It 'is non-terminating: the pipeline goes on with the next object' {
        $upns = 'nobody@contoso.com', 'grady.archie@contoso.com'
        $found = $upns | ForEach-Object { Get-MsolUser -UserPrincipalName $_ -ErrorVariable +failures -ErrorAction SilentlyContinue }
        $found.UserPrincipalName | Should -Be 'grady.archie@contoso.com'
        $failures.Count | Should -Be 1
    }
    It 'gives $null and $? = $false with -ErrorAction SilentlyContinue' {
        $user = Get-MsolUser -UserPrincipalName 'nobody@contoso.com' -ErrorAction SilentlyContinue
        $ok = $?
        $user | Should -BeNullOrEmpty
        $ok | Should -BeFalse
    }
    It 'reports each failing piped object separately, in order' {
        $objects = @(
            [pscustomobject]@{ UserPrincipalName = 'missing.one@contoso.com' }
            [pscustomobject]@{ UserPrincipalName = 'grady.archie@contoso.com' }
            [pscustomobject]@{ UserPrincipalName = 'missing.two@contoso.com' }
        )
        $objects | Set-MsolUser -City 'Leeds' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures[0].TargetObject | Should -Be 'missing.one@contoso.com'
        $failures[1].TargetObject | Should -Be 'missing.two@contoso.com'
        (Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com').City | Should -Be 'Leeds'
    }
}

Describe 'Other faults' {
    It 'a role that does not exist' {
        { Get-MsolRole -RoleName 'Chief Pizza Officer' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.RoleNotFoundException,Microsoft.Online.Administration.Automation.GetRole'
    }
    It 'a role member added twice' {
        Add-MsolRoleMember -RoleName 'Helpdesk Administrator' -RoleMemberEmailAddress 'isaiah.langer@contoso.com'
        { Add-MsolRoleMember -RoleName 'Helpdesk Administrator' -RoleMemberEmailAddress 'isaiah.langer@contoso.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.RoleMemberAlreadyExistsException,Microsoft.Online.Administration.Automation.AddRoleMember'
    }
    It 'Remove-MsolUser in a session that cannot ask says to add -Force and removes nobody' {
        $script = Join-Path $TestDrive 'remove-unattended.ps1'
        @(
            'Import-Module MSOnline'
            "Connect-MsolService -LocalTenant '$tenant'"
            'try { Remove-MsolUser -UserPrincipalName ''isaiah.langer@contoso.com'' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message; exit 3 }'
        ) | Set-Content -Path $script
        $result = Invoke-ScriptInPwsh -Path $script
        $result.ExitCode | Should -Be 3 -Because $result.Output
        $result.Output | Should -BeLike '*ConfirmationNotPossible,Microsoft.Online.Administration.Automation.RemoveUser*'
        $result.Output | Should -BeLike '*Add -Force, or -Confirm:$false*'
        Get-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com' | Should -Not -BeNullOrEmpty
    }
    It 'another tenant''s TenantId' {
        { Get-MsolUser -TenantId ([guid]::NewGuid()) -MaxResults 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.AccessDeniedException,Microsoft.Online.Administration.Automation.GetUser'
    }
    It 'a licence without UsageLocation names UsageLocation' {
        New-MsolUser -UserPrincipalName 'no.location@contoso.com' -DisplayName 'No Location' | Out-Null
        $failure = $null
        try { Set-MsolUserLicense -UserPrincipalName 'no.location@contoso.com' -AddLicenses 'contoso:ENTERPRISEPACK' -ErrorAction Stop } catch { $failure = $_ }
        $failure.Exception.Message | Should -Match 'UsageLocation'
        $failure.Exception.Field | Should -Be 'UsageLocation'
    }
    It 'a bridge that went away is a MicrosoftOnlineException that says to connect again' {
        $ready = [Microsoft.Online.Administration.Automation.BridgeSession]::Ready
        Stop-Process -Id $ready.Pid -Force
        Start-Sleep -Milliseconds 200
        $failure = $null
        try { Get-MsolCompanyInformation -ErrorAction Stop } catch { $failure = $_ }
        $failure.Exception | Should -BeOfType ([Microsoft.Online.Administration.Automation.MicrosoftOnlineException])
        $failure.Exception.Message | Should -Match 'Connect-MsolService'
        $failure.FullyQualifiedErrorId | Should -BeLike 'Microsoft.Online.Administration.Automation.BridgeUnavailableException,*GetCompanyInformation'
        Connect-MsolService -LocalTenant $tenant
        (Get-MsolCompanyInformation).DisplayName | Should -Not -BeNullOrEmpty
    }
}

Describe 'Connect-MsolService' {
    It 'fails clearly when the bridge program cannot be found' {
        $saved = $env:MSOL_BRIDGE_EXE
        try {
            $env:MSOL_BRIDGE_EXE = Join-Path $TestDrive 'no-such-program'
            { Connect-MsolService -LocalTenant $tenant -ErrorAction Stop } | Should -Throw '*MSOL_BRIDGE_EXE*no-such-program*'
        } finally {
            $env:MSOL_BRIDGE_EXE = $saved
        }
        Connect-MsolService -LocalTenant $tenant
    }
    It 'warns when it falls back to the default local tenant' {
        $savedHome = $env:HOME; $savedData = $env:XDG_DATA_HOME; $savedConfig = $env:XDG_CONFIG_HOME
        try {
            $env:XDG_DATA_HOME = Join-Path $TestDrive 'data'
            $env:XDG_CONFIG_HOME = Join-Path $TestDrive 'config'
            Connect-MsolService -WarningVariable warnings -WarningAction SilentlyContinue
            ($warnings -join ' ') | Should -Match 'not to Microsoft 365'
            # A first run gets the demo tenant, and is told where it lives.
            $created = Join-Path (Join-Path (Join-Path $TestDrive 'data') 'msol-bridge') 'tenant.db'
            ($warnings -join ' ') | Should -BeLike "*Created the demo tenant*in $created*"
            (Get-MsolUser -All).Count | Should -BeGreaterThan 100
            # The settings folder does not exist yet: the warning still names where the file goes.
            $settings = Join-Path (Join-Path (Join-Path $TestDrive 'config') 'msol-bridge') 'config.json'
            ($warnings -join ' ') | Should -BeLike "*MSOL_BRIDGE_BACKEND or $settings."
        } finally {
            $env:XDG_DATA_HOME = $savedData; $env:XDG_CONFIG_HOME = $savedConfig
            Connect-MsolService -LocalTenant $tenant
        }
    }
    It 'refuses a backend this version does not offer, naming the allowed ones' {
        $saved = $env:MSOL_BRIDGE_BACKEND
        try {
            $env:MSOL_BRIDGE_BACKEND = 'carrier-pigeon'
            { Connect-MsolService -ErrorAction Stop } | Should -Throw '*Backend*Allowed values: local*'
        } finally {
            $env:MSOL_BRIDGE_BACKEND = $saved
        }
        Connect-MsolService -LocalTenant $tenant
    }
    It 'keeps the secret off the bridge''s command line' {
        $ready = [Microsoft.Online.Administration.Automation.BridgeSession]::Ready
        $commandLine = Get-Content "/proc/$($ready.Pid)/cmdline" -Raw -ErrorAction SilentlyContinue
        if ($null -ne $commandLine) { $commandLine | Should -Not -Match '[0-9a-f]{64}' }
        $commandLine | Should -Not -BeNullOrEmpty -Because 'this test runs where /proc exists'
    }
    It 'stops its bridge when the module is removed' {
        $ready = [Microsoft.Online.Administration.Automation.BridgeSession]::Ready
        Remove-Module MSOnline
        Start-Sleep -Milliseconds 300
        Get-Process -Id $ready.Pid -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Import-Module MSOnline
        Connect-MsolService -LocalTenant $tenant
    }
}
