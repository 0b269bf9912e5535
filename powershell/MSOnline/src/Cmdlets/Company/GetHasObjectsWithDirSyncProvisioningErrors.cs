using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolHasObjectsWithDirSyncProvisioningErrors: whether any user, group or contact
    /// has a synchronization conflict.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolHasObjectsWithDirSyncProvisioningErrors")]
    [OutputType(typeof(bool))]
    public class GetHasObjectsWithDirSyncProvisioningErrors : MsolCmdlet
    {
        protected override void ProcessOne()
        {
            WriteObject(Call<BooleanAnswer>(BoundBody()).Value);
        }
    }
}
