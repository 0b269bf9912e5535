using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>What the settings cmdlets share: MSOnline's parameter sets, None (the tenant's
    /// settings) and Scope (-TargetType Groups with the group's -TargetObjectId).</summary>
    public abstract class SettingsCmdlet : MsolCmdlet
    {
        protected const string TenantSet = "None";
        protected const string ScopeSet = "Scope";

        [Parameter(ParameterSetName = ScopeSet, ValueFromPipelineByPropertyName = true)]
        public TargetType? TargetType { get; set; }

        [Parameter(ParameterSetName = ScopeSet, ValueFromPipelineByPropertyName = true)]
        public string TargetObjectId { get; set; }
    }

    /// <summary>What Get- and Remove-MsolSettings share: the setting, by -SettingId (a piped
    /// Settings object binds its Id). MSOnline typed it as text; a GUID here, so that a mistyped id
    /// fails as it is bound.</summary>
    public abstract class SettingByIdCmdlet : SettingsCmdlet
    {
        [Parameter(ParameterSetName = TenantSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ScopeSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public Guid SettingId { get; set; }

        protected override object Target()
        {
            return SettingId;
        }
    }
}
