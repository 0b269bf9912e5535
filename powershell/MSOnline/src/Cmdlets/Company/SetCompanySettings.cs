using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolCompanySettings: company-wide settings (self-service password reset, what
    /// users may do, the default usage location); writes only real changes. -WhatIf changes
    /// nothing.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolCompanySettings", SupportsShouldProcess = true)]
    public class SetCompanySettings : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? SelfServePasswordResetEnabled { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? UsersPermissionToCreateGroupsEnabled { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? UsersPermissionToCreateLOBAppsEnabled { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? UsersPermissionToReadOtherUsersEnabled { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? UsersPermissionToUserConsentToAppEnabled { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UsageLocationCompleter))]
        public string DefaultUsageLocation { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? AllowAdHocSubscriptions { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? AllowEmailVerifiedUsers { get; set; }

        protected override void ProcessOne()
        {
            Change(BoundBody(), "the company", "Set-MsolCompanySettings " + string.Join(", ", BoundSettingNames()));
        }

        private string[] BoundSettingNames()
        {
            System.Collections.Generic.List<string> names = new System.Collections.Generic.List<string>();
            foreach (string name in MyInvocation.BoundParameters.Keys)
            {
                if (name != "TenantId" && GetType().GetProperty(name) != null) names.Add(name + "=" + MyInvocation.BoundParameters[name]);
            }
            return names.ToArray();
        }
    }
}
