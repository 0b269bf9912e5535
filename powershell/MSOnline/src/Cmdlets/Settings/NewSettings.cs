using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolSettings: makes a directory setting from a Settings object (a template's
    /// CreateSettingsObject(), changed by name) for the tenant or, with -TargetType Groups, for one
    /// group, and returns it.</summary>
    [Cmdlet(VerbsCommon.New, "MsolSettings", DefaultParameterSetName = TenantSet, SupportsShouldProcess = true)]
    [OutputType(typeof(Settings))]
    public class NewSettings : SettingsCmdlet
    {
        [Parameter(ParameterSetName = TenantSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ScopeSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public Settings SettingsObject { get; set; }

        protected override object Target()
        {
            return SettingsObject == null ? null : SettingsObject.DisplayName;
        }

        protected override void ProcessOne()
        {
            RequestBody body = BoundBody("SettingsObject");
            if (SettingsObject != null)
            {
                body.Set("TemplateId", SettingsObject.TemplateId).Set("Values", SettingsObject.GetSettingsValue());
            }
            string target = SettingsObject == null ? null : SettingsObject.DisplayName;
            if (!ShouldProcess(target, "New-MsolSettings")) return;
            Submit<Settings>(body, target, setting => WriteObject(setting));
        }
    }
}
