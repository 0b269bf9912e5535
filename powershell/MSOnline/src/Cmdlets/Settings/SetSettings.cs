using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolSettings: changes a directory setting's values to those of -SettingsValue
    /// (a Settings object's GetSettingsValue(), changed by name); writes only real changes.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolSettings", DefaultParameterSetName = TenantSet, SupportsShouldProcess = true)]
    public class SetSettings : SettingsCmdlet
    {
        [Parameter(ParameterSetName = TenantSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ScopeSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public Guid SettingId { get; set; }

        [Parameter(ParameterSetName = TenantSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ScopeSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public SettingsValue SettingsValue { get; set; }

        protected override object Target()
        {
            return SettingId;
        }

        protected override void ProcessOne()
        {
            RequestBody body = BoundBody("SettingsValue");
            if (SettingsValue != null) body.Set("Values", SettingsValue);
            Change(body, SettingId.ToString(), "Set-MsolSettings");
        }
    }
}
