using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolUser: changes a user's properties, per-user MFA and registered methods.
    /// Every parameter binds from a piped object's property of the same name; only bound
    /// parameters are sent, and the bridge writes only values that differ.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolUser", SupportsShouldProcess = true)]
    public class SetUser : UserPropertiesCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public Guid? ObjectId { get; set; }

        protected override object Target()
        {
            return UserPrincipalName ?? (object)ObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Convert.ToString(Target()), "Set-MsolUser");
        }
    }
}
