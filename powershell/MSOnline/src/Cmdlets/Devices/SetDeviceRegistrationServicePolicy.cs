using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolDeviceRegistrationServicePolicy: changes the device registration settings it
    /// is given (workplace join: All or None); only real changes are written.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolDeviceRegistrationServicePolicy", SupportsShouldProcess = true)]
    public class SetDeviceRegistrationServicePolicy : MsolCmdlet
    {
        [Parameter] public Scope AllowedToAzureAdJoin { get; set; }
        [Parameter] public Scope AllowedToWorkplaceJoin { get; set; }
        [Parameter] public int MaximumDevicesPerUser { get; set; }
        [Parameter] public bool RequireMultiFactorAuth { get; set; }

        protected override void ProcessOne()
        {
            Change(BoundBody(), "the company", "Set-MsolDeviceRegistrationServicePolicy");
        }
    }
}
