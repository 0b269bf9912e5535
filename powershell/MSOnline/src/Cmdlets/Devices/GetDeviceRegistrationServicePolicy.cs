using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolDeviceRegistrationServicePolicy: the tenant's device registration settings.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolDeviceRegistrationServicePolicy")]
    [OutputType(typeof(DeviceRegistrationServicePolicy))]
    public class GetDeviceRegistrationServicePolicy : MsolCmdlet
    {
        protected override void ProcessOne()
        {
            WriteObject(Call<DeviceRegistrationServicePolicy>(BoundBody()));
        }
    }
}
