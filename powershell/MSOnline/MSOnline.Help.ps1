# Writes MAML help (what Get-Help reads for compiled cmdlets) from en-US/MSOnline.Help.psd1 and
# the cmdlets' own parameter metadata, so syntax and parameter types never drift from the code.

function Write-MsolHelp {
    param([string] $DataPath, [string] $OutputPath, [System.Management.Automation.PSModuleInfo] $Module)

    $data = Import-PowerShellDataFile -Path $DataPath
    $common = @([System.Management.Automation.Cmdlet]::CommonParameters) + @('OutVariable', 'OutBuffer', 'PipelineVariable')
    function Escape([string] $text) { [System.Security.SecurityElement]::Escape($text) }
    function TypeName([type] $type) {
        $inner = [Nullable]::GetUnderlyingType($type)
        if ($inner) { return "Nullable[$($inner.Name)]" }
        return $type.Name
    }
    function PipelineText($attributes) {
        if (@($attributes | Where-Object { $_.ValueFromPipelineByPropertyName }).Count -gt 0) { return 'True (ByPropertyName)' }
        return 'False'
    }

    $xml = New-Object System.Text.StringBuilder
    [void]$xml.AppendLine('<?xml version="1.0" encoding="utf-8"?>')
    [void]$xml.AppendLine('<helpItems schema="maml" xmlns="http://msh">')
    foreach ($command in @($Module.ExportedCmdlets.Values | Sort-Object Name)) {
        $help = $data.Commands[$command.Name]
        if ($null -eq $help) { $help = @{ Synopsis = ''; Description = ''; Parameters = @{}; Examples = @() } }
        $verb, $noun = $command.Name -split '-', 2
        [void]$xml.AppendLine('<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">')
        [void]$xml.AppendLine("<command:details><command:name>$($command.Name)</command:name><maml:description><maml:para>$(Escape $help.Synopsis)</maml:para></maml:description><command:verb>$verb</command:verb><command:noun>$noun</command:noun></command:details>")
        [void]$xml.AppendLine("<maml:description><maml:para>$(Escape $help.Description)</maml:para></maml:description>")

        [void]$xml.AppendLine('<command:syntax>')
        foreach ($set in $command.ParameterSets) {
            [void]$xml.AppendLine("<command:syntaxItem><maml:name>$($command.Name)</maml:name>")
            foreach ($parameter in $set.Parameters | Where-Object { $_.Name -notin $common }) {
                $value = if ($parameter.ParameterType -eq [switch]) { '' } else { "<command:parameterValue required=`"true`">$(Escape (TypeName $parameter.ParameterType))</command:parameterValue>" }
                $pipeline = if ($parameter.ValueFromPipelineByPropertyName) { 'True (ByPropertyName)' } else { 'False' }
                [void]$xml.AppendLine("<command:parameter required=`"$($parameter.IsMandatory.ToString().ToLowerInvariant())`" position=`"named`" pipelineInput=`"$pipeline`"><maml:name>$($parameter.Name)</maml:name>$value</command:parameter>")
            }
            [void]$xml.AppendLine('</command:syntaxItem>')
        }
        [void]$xml.AppendLine('</command:syntax>')

        [void]$xml.AppendLine('<command:parameters>')
        foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common } | Sort-Object Name) {
            $text = $help.Parameters[$parameter.Name]
            if (-not $text) { $text = $data.Common[$parameter.Name] }
            $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
            $mandatory = @($attributes | Where-Object { $_.Mandatory }).Count -gt 0
            $typeName = Escape (TypeName $parameter.ParameterType)
            [void]$xml.AppendLine("<command:parameter required=`"$($mandatory.ToString().ToLowerInvariant())`" globbing=`"false`" pipelineInput=`"$(PipelineText $attributes)`" position=`"named`"><maml:name>$($parameter.Name)</maml:name><maml:description><maml:para>$(Escape $text)</maml:para></maml:description><command:parameterValue required=`"true`">$typeName</command:parameterValue><dev:type><maml:name>$typeName</maml:name></dev:type></command:parameter>")
        }
        [void]$xml.AppendLine('</command:parameters>')

        [void]$xml.AppendLine('<command:examples>')
        $number = 0
        foreach ($example in $help.Examples) {
            $number++
            [void]$xml.AppendLine("<command:example><maml:title>-------------------------- Example $number --------------------------</maml:title><dev:code>$(Escape $example.Code)</dev:code><dev:remarks><maml:para>$(Escape $example.Remarks)</maml:para></dev:remarks></command:example>")
        }
        [void]$xml.AppendLine('</command:examples>')
        [void]$xml.AppendLine('</command:command>')
    }
    [void]$xml.AppendLine('</helpItems>')

    $folder = Split-Path $OutputPath
    $null = New-Item -ItemType Directory -Path $folder -Force
    $partial = "$OutputPath.$([guid]::NewGuid().ToString('n')).partial"
    [System.IO.File]::WriteAllText($partial, $xml.ToString(), (New-Object System.Text.UTF8Encoding $false))
    Move-Item -LiteralPath $partial -Destination $OutputPath -Force
}
