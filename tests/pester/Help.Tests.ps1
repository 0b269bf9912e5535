# Get-Help for every cmdlet: a synopsis, a description, every parameter and MSOnline-style examples.
BeforeDiscovery {
    Import-Module MSOnline -Force
    $commands = Get-Command -Module MSOnline | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    Import-Module MSOnline -Force
    $common = @([System.Management.Automation.Cmdlet]::CommonParameters) + @([System.Management.Automation.Cmdlet]::OptionalCommonParameters)
}

Describe 'Help for <Name>' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
    }
    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "*$Name*[[]*"
        ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }
    It 'describes every parameter' {
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $entry = $help.parameters.parameter | Where-Object name -eq $parameter
            ($entry.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name"
        }
    }
    It 'has an example that uses the cmdlet' {
        @($help.examples.example).Count | Should -BeGreaterThan 0
        ($help.examples.example.code -join "`n") | Should -Match ([regex]::Escape($Name))
    }
    It 'shows the syntax of every parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @((Get-Command $Name).ParameterSets).Count
    }
}
