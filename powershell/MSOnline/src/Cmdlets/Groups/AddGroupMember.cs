using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Add-MsolGroupMember: adds a user or a group to a security group.</summary>
    [Cmdlet(VerbsCommon.Add, "MsolGroupMember", SupportsShouldProcess = true)]
    public class AddGroupMember : GroupMemberChangeCmdlet
    {
        protected override string ActionText
        {
            get { return "Add-MsolGroupMember to group"; }
        }
    }
}
