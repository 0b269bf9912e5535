using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolUserRole: the roles a user holds, directly or through a group.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolUserRole", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Role))]
    public class GetUserRole : MsolCmdlet
    {
        private const string ByIdSet = "ListRolesForUser__0";
        private const string ByUpnSet = "ListRolesForUserByUpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByUpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByUpnSet ? UserPrincipalName : (object)ObjectId;
        }

        protected override void ProcessOne()
        {
            WriteAll<Role>(BoundBody());
        }
    }
}
