using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolServicePrincipal: changes a service principal's display name, service
    /// principal names (an empty list leaves only the application id), reply addresses (an empty
    /// list clears them) or whether it is enabled; -ObjectId or -AppPrincipalId names it.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolServicePrincipal", SupportsShouldProcess = true)]
    public class SetServicePrincipal : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public Guid ObjectId { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public Guid AppPrincipalId { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string DisplayName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[] ServicePrincipalNames { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool AccountEnabled { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public RedirectUri[] Addresses { get; set; }

        protected override object Target()
        {
            return MyInvocation.BoundParameters.ContainsKey("ObjectId") ? (object)ObjectId : AppPrincipalId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Target().ToString(), "Set-MsolServicePrincipal");
        }
    }
}
